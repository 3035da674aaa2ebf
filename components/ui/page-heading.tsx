import Link from 'next/link';

/**
 * A page's title with, for people allowed to use it, a link to the page's create form
 * (none for read-only roles: the form's page refuses them anyway).
 */
export function PageHeading({ title, action }: { title: string; action?: { href: string; label: string } | null }) {
  return (
    <div className="page-heading">
      <h1>{title}</h1>
      {action ? (
        <Link href={action.href} className="button">
          {action.label}
        </Link>
      ) : null}
    </div>
  );
}
