/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  reactStrictMode: true,
  poweredByHeader: false,
  // The Kubernetes client uses Node APIs (http agents, fs for kubeconfig, ws):
  // load it from node_modules at run time instead of bundling it.
  serverExternalPackages: ['@kubernetes/client-node'],
  // proxy.ts sees request bodies; snapshot imports may be up to 25 MB (lib/security/gate.ts).
  experimental: { proxyClientMaxBodySize: '26mb' },
};

export default nextConfig;
