import type { ReactNode } from 'react';
import { useRouter } from '../app/router';
import { routePath } from '../app/routes';

/** The address of a journey opened at one step: the editor scrolls to it, focuses it and marks it. */
export const stepHref = (ws: string, journeyId: string, stepId: string | null | undefined) =>
  routePath({ page: 'editor', ws, id: journeyId }) + (stepId ? `?step=${encodeURIComponent(stepId)}` : '');

/**
 * A link to a journey at one of its steps (a step link, the step a child opens from, an opportunity's
 * evidence): the map opens scrolled to that step with the keyboard focus on it, not at the top.
 */
export function StepLink(props: {
  ws: string;
  journeyId: string;
  stepId: string | null | undefined;
  children: ReactNode;
}) {
  const { navigate } = useRouter();
  const { ws, journeyId, stepId } = props;
  return (
    <a
      href={stepHref(ws, journeyId, stepId)}
      onClick={(event) => {
        if (event.defaultPrevented || event.button !== 0) return;
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(
          { page: 'editor', ws, id: journeyId },
          stepId ? { search: `?step=${encodeURIComponent(stepId)}` } : {},
        );
      }}
    >
      {props.children}
    </a>
  );
}
