export function getStaticPaths() {
  return { paths: [{ params: { tag: "news" } }], fallback: false };
}

export function getStaticProps({ params }) {
  return { props: { tag: params.tag } };
}

export default function Tag({ tag }) {
  return <h1>{tag}</h1>;
}
