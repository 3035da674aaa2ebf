'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import type { Change } from '@/components/data-grid/contract';
import { useChangeFlow } from '@/components/data-grid/use-change-flow';
import type { TableDef } from '@/lib/tables/types';
import { formErrorsOf, NO_ERRORS, type FormErrors } from './form-changes';

/**
 * A create form's one change set through the tables' change flow (components/data-grid):
 * a dry run first, its preview (diff, the forecast's change) in the same dialog the
 * tables use, then the commit, and on success the table filtered to the new rows. Errors
 * (from the dry run or a refused commit) go back beside the form's fields, where they are
 * fixed, and the dialog closes: nothing was written.
 */
export function useFormChangeSet(def: TableDef, fieldOf: (index: number, field: string | null | undefined) => string | null) {
  const router = useRouter();
  const destination = useRef<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const flow = useChangeFlow({
    onCommitted: () => {
      if (destination.current) router.push(destination.current);
    },
    announce: setAnnouncement,
  });

  const serverErrors = flow.open ? flow.preview?.errors : undefined;
  const { close } = flow;
  useEffect(() => {
    if (!serverErrors || serverErrors.length === 0) return;
    // The errors leave the flow's state (closing it clears it) for the form's own.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- copying a finished request's answer, once
    setErrors(formErrorsOf(serverErrors, fieldOf));
    close();
  }, [serverErrors, fieldOf, close]);

  return {
    flow,
    errors,
    announcement,
    /** Checks the change set with the server (a dry run) and shows its preview; `then` is where a commit leads. */
    submit(changes: Change[], then: string) {
      destination.current = then;
      setErrors(NO_ERRORS);
      flow.start(def, changes, 'form', []);
    },
    /** An error found before sending anything (a PO with no lines). */
    refuse(message: string) {
      setErrors({ fields: {}, general: [message] });
    },
  };
}
