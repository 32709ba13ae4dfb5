import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import "./style.css";
import { ArticleView, CheckView, SearchView } from "./views.js";

/** Hash routes: #/search/QUERY, #/doc/ID, #/check. */
function useRoute(): string[] {
  const parse = () => location.hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
  const [route, setRoute] = useState(parse);
  useEffect(() => {
    const update = () => setRoute(parse());
    addEventListener("hashchange", update);
    return () => removeEventListener("hashchange", update);
  }, []);
  return route;
}

function App() {
  const [view = "search", arg = ""] = useRoute();
  return (
    <>
      <header>
        <h1>relata</h1>
        <nav>
          <a href="#/search/">Search</a> <a href="#/check">Check</a>
        </nav>
      </header>
      <main>
        {view === "doc" ? (
          <ArticleView id={arg} />
        ) : view === "check" ? (
          <CheckView />
        ) : (
          <SearchView query={arg} />
        )}
      </main>
    </>
  );
}

render(<App />, document.getElementById("app") as HTMLElement);
