/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  reactStrictMode: true,
  poweredByHeader: false,
  // The Kubernetes client uses Node APIs (http agents, fs for kubeconfig, ws):
  // load it from node_modules at run time instead of bundling it.
  serverExternalPackages: ['@kubernetes/client-node'],
};

export default nextConfig;
