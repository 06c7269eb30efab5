/** @type {import('next').NextConfig} */
module.exports = {
  reactStrictMode: true,
  async redirects() {
    return [{ source: "/old-blog/:slug", destination: "/posts/:slug", permanent: true }];
  },
};
