import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from './api/ApiError';
import { AlbumPage } from './albums/AlbumPage';
import { AlbumsPage } from './albums/AlbumsPage';
import { AuthProvider } from './auth/AuthProvider';
import { RequireAdmin } from './auth/RequireAdmin';
import { RequireSignIn } from './auth/RequireSignIn';
import { AppShell } from './components/AppShell';
import { Loading } from './components/Loading';
import { DevicesPage } from './pages/DevicesPage';
import { GalleryPage } from './pages/GalleryPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SignInPage } from './pages/SignInPage';
import { TrashPage } from './trash/TrashPage';

// Admins are few: their pages are a chunk of their own.
const AdminPages = lazy(() => import('./admin/AdminPages'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not get better by asking again; a dropped connection might.
      retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status < 500),
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
});

const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    element: (
      <RequireSignIn>
        <AppShell />
      </RequireSignIn>
    ),
    children: [
      { index: true, element: <GalleryPage /> },
      { path: 'favourites', element: <GalleryPage favourites /> },
      { path: 'albums', element: <AlbumsPage /> },
      { path: 'albums/:id', element: <AlbumPage /> },
      { path: 'trash', element: <TrashPage /> },
      { path: 'devices', element: <DevicesPage /> },
      {
        path: 'admin/*',
        element: (
          <RequireAdmin>
            <Suspense fallback={<Loading label="Loading admin pages" />}>
              <AdminPages />
            </Suspense>
          </RequireAdmin>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </QueryClientProvider>
  );
}
