import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import "./style.css";
import { DyadView } from "./dyad.js";
import { EntitySearchView, EntityView } from "./entity.js";
import { ExploreView } from "./explore.js";
import { CompareView, StoriesView, StoryView } from "./story.js";
import { ArticleView, CheckView, SearchView } from "./views.js";

/**
 * Hash routes: #/search/QUERY/FILTERS, #/doc/ID, #/check, #/stories, #/story/ID,
 * #/compare/ID/SOURCE, #/entities/NAME, #/entity/KBID, #/explore/FROM/TO, #/dyad/A/B/BY.
 */
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

function View({ route }: { route: string[] }) {
  const [view = "search", a = "", b = "", c = ""] = route;
  switch (view) {
    case "doc":
      return <ArticleView id={a} />;
    case "check":
      return <CheckView />;
    case "stories":
      return <StoriesView />;
    case "story":
      return <StoryView id={a} />;
    case "compare":
      return <CompareView id={a} source={b} />;
    case "entities":
      return <EntitySearchView name={a} />;
    case "entity":
      return <EntityView id={a} />;
    case "dyad":
      return <DyadView a={a} b={b} by={c} />;
    case "explore":
      return <ExploreView from={a} to={b} />;
    default:
      return <SearchView query={a} params={b} />;
  }
}

function App() {
  const route = useRoute();
  return (
    <>
      <header>
        <h1>relata</h1>
        <nav>
          <a href="#/search/">Search</a> <a href="#/stories">Stories</a> <a href="#/entities/">Entities</a>{" "}
          <a href="#/explore//">Map &amp; actors</a> <a href="#/dyad/RUS/CHN/week">Dyads</a>{" "}
          <a href="#/check">Check</a>
        </nav>
      </header>
      <main>
        <View route={route} />
      </main>
    </>
  );
}

render(<App />, document.getElementById("app") as HTMLElement);
