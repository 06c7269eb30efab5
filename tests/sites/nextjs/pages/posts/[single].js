import fs from "fs";

export function getStaticPaths() {
  const paths = fs
    .readdirSync("content/posts")
    .filter((file) => !file.startsWith("_"))
    .map((file) => ({ params: { single: file.replace(/\.mdx?$/, "") } }));
  return { paths, fallback: false };
}

export function getStaticProps({ params }) {
  return { props: { slug: params.single } };
}

export default function Post({ slug }) {
  return <h1>{slug}</h1>;
}
