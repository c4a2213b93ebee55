import { useParams } from 'react-router';

/** The case the page is about, from /cases/:caseId. */
export function useCaseId(): string {
  const { caseId } = useParams();
  if (!caseId) throw new Error('a case page without a case id');
  return caseId;
}
