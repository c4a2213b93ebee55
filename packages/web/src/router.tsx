import { createBrowserRouter } from 'react-router';
import { CaseLayout } from './shell/CaseLayout.tsx';
import { CaseListPage } from './shell/CaseListPage.tsx';
import { LoginPage } from './shell/LoginPage.tsx';
import { NotFound } from './shell/NotFound.tsx';
import { OnlyFor } from './shell/OnlyFor.tsx';
import { SetupPage } from './shell/SetupPage.tsx';
import { SignedIn } from './shell/SignedIn.tsx';
import { caseViews } from './views/registry.tsx';

/** The workbench's pages: sign-in and setup, then the cases and each case's views (views/registry.tsx). */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/setup', element: <SetupPage /> },
  {
    element: <SignedIn />,
    children: [
      { path: '/', element: <CaseListPage /> },
      {
        path: '/cases/:caseId',
        element: <CaseLayout views={caseViews} />,
        children: caseViews.map((v) => {
          const element = v.roles ? <OnlyFor roles={v.roles}>{v.element}</OnlyFor> : v.element;
          return v.path === '' ? { index: true, element } : { path: v.path, element };
        }),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
