import { BrowserRouter, Route, Routes } from 'react-router';
import { CaseLayout } from './shell/CaseLayout.tsx';
import { CaseListPage } from './shell/CaseListPage.tsx';
import { LoginPage } from './shell/LoginPage.tsx';
import { NotFound } from './shell/NotFound.tsx';
import { OnlyFor } from './shell/OnlyFor.tsx';
import { SetupPage } from './shell/SetupPage.tsx';
import { SignedIn } from './shell/SignedIn.tsx';
import { caseViews } from './views/registry.tsx';

/**
 * The workbench's pages: sign-in and setup, then the cases and each case's views
 * (views/registry.tsx). Declarative routes: no page loads data through the router (the views ask
 * TanStack Query), and the data router's machinery doubled the router's share of the first
 * view's JavaScript (97 KB against 43 KB minified).
 */
export function WorkbenchRoutes() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/setup" element={<SetupPage />} />
        <Route element={<SignedIn />}>
          <Route path="/" element={<CaseListPage />} />
          <Route path="/cases/:caseId" element={<CaseLayout views={caseViews} />}>
            {caseViews.map((v) => {
              const element = v.roles ? <OnlyFor roles={v.roles}>{v.element}</OnlyFor> : v.element;
              return v.path === '' ? (
                <Route key="" index element={element} />
              ) : (
                <Route key={v.path} path={v.path} element={element} />
              );
            })}
          </Route>
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
