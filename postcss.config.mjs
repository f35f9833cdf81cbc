// Tailwind CSS v4: the PostCSS plugin lives in its own package and needs no
// tailwind.config file; theme and sources are declared in app/globals.css.
const config = {
  plugins: {
    '@tailwindcss/postcss': {},
  },
};

export default config;
