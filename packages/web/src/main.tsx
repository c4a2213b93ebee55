import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { WorkbenchRoutes } from './router.tsx';
import './styles.css';

const queries = new QueryClient({
  defaultOptions: {
    // A refused call (403, 404, 422) will be refused again: show its message at once.
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <WorkbenchRoutes />
    </QueryClientProvider>
  </StrictMode>,
);
