#!/usr/bin/env python3
"""Parse Mermaid journey diagrams with Mermaid's own parser and print what it read.

Usage: python3 scripts/mermaid-journey.py FILE...

Runs mermaid.js (the copy bundled in the PyPI package `mmdc`, in its embedded
QuickJS engine: no browser, Node.js or npm) on each file and prints one JSON
object per line:

    {"path": ..., "ok": true, "type": "journey", "title": ..., "accDescription": ...,
     "sections": [...], "tasks": [{"section", "task", "score", "people"}, ...]}
    {"path": ..., "ok": false, "error": "Parse error on line 3: ..."}

The tests use it as the reference for what Mermaid makes of cjm's export.
Exit status: 0 when every file parsed, 1 when one did not or cannot be read,
2 on a usage error, 3 when `mmdc` is not installed (pip install mmdc==0.7.0).
"""

import json
import sys
import warnings
from pathlib import Path

READ = """
globalThis.__out = null; globalThis.__err = null;
mermaid.mermaidAPI.getDiagramFromText(__code).then(d => {
  const db = d.db;
  const tasks = d.type === 'journey' ? db.getTasks().map(t => ({section: t.section, task: t.task, score: t.score, people: t.people})) : [];
  globalThis.__out = JSON.stringify({type: d.type, title: db.getDiagramTitle ? db.getDiagramTitle() : '',
    accDescription: db.getAccDescription ? db.getAccDescription() : '',
    sections: d.type === 'journey' ? db.getSections() : [], tasks});
}).catch(e => { globalThis.__err = String(e && e.message || e); });
"""


def mermaid_context():
    """A QuickJS context with mmdc's DOM shim and mermaid.js loaded; None when mmdc is missing."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            import mmdc
            import quickjs
        except ImportError:
            return None
    assets = Path(mmdc.__file__).parent / "assets"
    context = quickjs.Context()
    context.set_memory_limit(512 * 1024 * 1024)
    # Parsing measures no text; the shim still expects these hooks to exist.
    context.add_callable("__log_raw", lambda s: None)
    context.add_callable("__measureText_raw", lambda *a: 8.0)
    context.add_callable("__measureTextFull_raw", lambda *a: json.dumps({"width": 8, "height": 16, "ascent": 12, "descent": 4}))
    context.add_callable("__pathBBox_raw", lambda d: json.dumps({"x": 0, "y": 0, "width": 0, "height": 0}))
    context.eval(
        "globalThis.__log = (s) => __log_raw(s);"
        "globalThis.__measureText = (t,s,f,w,st) => __measureText_raw(t,s,f,w,st);"
        "globalThis.__measureTextFull = (t,s,f,w,st) => JSON.parse(__measureTextFull_raw(t,s,f,w,st));"
        "globalThis.__pathBBox = (d) => JSON.parse(__pathBBox_raw(d));"
    )
    context.eval((assets / "dom_shim.js").read_text(encoding="utf-8"))
    context.eval((assets / "mermaid.js").read_text(encoding="utf-8"))
    context.eval("globalThis.mermaid = (globalThis.__esbuild_esm_mermaid_nm.mermaid.default"
                 " || globalThis.__esbuild_esm_mermaid_nm.mermaid);"
                 "mermaid.initialize({startOnLoad: false});")
    return context


def parse(context, code):
    context.set("__code", code)
    context.eval(READ)
    for _ in range(200_000):
        try:
            if not context.execute_pending_job():
                break
        except StopIteration:
            break
    error = context.eval("globalThis.__err")
    if error:
        return {"ok": False, "error": str(error)}
    out = context.eval("globalThis.__out")
    if not out:
        return {"ok": False, "error": "mermaid gave no result"}
    return {"ok": True, **json.loads(out)}


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    context = mermaid_context()
    if context is None:
        print("mmdc is not installed: pip install mmdc==0.7.0", file=sys.stderr)
        return 3
    status = 0
    for path in argv[1:]:
        try:
            code = Path(path).read_text(encoding="utf-8")
        except OSError as error:
            result = {"ok": False, "error": f"cannot read: {error}"}
        else:
            result = parse(context, code)
        if not result["ok"]:
            status = 1
        print(json.dumps({"path": path, **result}, ensure_ascii=False))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
