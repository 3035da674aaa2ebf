'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useMemo, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';
import { dashboardQuery, expediteHref, parseDashboardUrl, type DashboardUrlState } from '@/lib/scenarios/url-state';

/** The dashboard state the address bar holds now (what-ifs, range and grouping change it without a server round trip). */
export function useDashboardUrl(): DashboardUrlState {
  const params = useSearchParams();
  return useMemo(() => parseDashboardUrl(Object.fromEntries(params.entries())), [params]);
}

/**
 * Moves the dashboard to another state of its own (a what-if, a comparison, the range, the grouping) by changing the
 * address only: the chart asks the engine for what it lacks, and nothing the server rendered depends on these.
 * Next.js keeps `useSearchParams` and the back button in step with `history.pushState`.
 */
export function showDashboardState(state: Partial<DashboardUrlState>): void {
  window.history.pushState(null, '', `/dashboard${dashboardQuery(state)}`);
}

type Props = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & {
  /** What changes from the state the address bar holds now. */
  set?: Partial<DashboardUrlState>;
  /** Instead: a target's expedite plan as the what-if ("Apply as a what-if": the server redirects it to the draft). */
  expedite?: string;
  /** Only the dashboard's own state changes: the address alone, no server render (see showDashboardState). */
  shallow?: boolean;
  children: ReactNode;
};

/**
 * A link to another dashboard state, built from the address bar as it is now — not from the state the server
 * rendered, which a what-if drawn since has left behind. A plain click on a `shallow` link changes the address
 * only; a new tab, or a link that is not shallow, loads the page (the server draws what it can).
 */
export function DashboardLink({ set, expedite, shallow, children, onClick, ...rest }: Props) {
  const now = useDashboardUrl();
  const next = { ...now, ...set };
  const href = expedite ? expediteHref(now, expedite) : `/dashboard${dashboardQuery(next)}`;
  if (!shallow || expedite) {
    return (
      // Not prefetched: each is a full server render of the dashboard, and they are many and rarely all followed.
      <Link href={href} prefetch={false} scroll={false} onClick={onClick} {...rest}>
        {children}
      </Link>
    );
  }
  return (
    <a
      href={href}
      onClick={(e: MouseEvent<HTMLAnchorElement>) => {
        onClick?.(e);
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        showDashboardState(next);
      }}
      {...rest}
    >
      {children}
    </a>
  );
}
