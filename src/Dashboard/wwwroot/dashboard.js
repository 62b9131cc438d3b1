// The RaySharp dashboard: renders the snapshots /api/events streams (server-sent events), or polls /api/snapshot where
// the stream cannot open. Read-only; no library, nothing fetched from elsewhere.
(() => {
  "use strict";
  const refreshMs = Number(document.body.dataset.refreshMs) || 1000;
  const $ = (id) => document.getElementById(id);

  const text = (value) => document.createTextNode(value === null || value === undefined ? "" : String(value));
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    children.forEach((c) => node.appendChild(typeof c === "object" && c !== null ? c : text(c)));
    return node;
  };
  const shortId = (id) => (id ? id.slice(-8) : "");
  const bytes = (n) => {
    const units = ["B", "KiB", "MiB", "GiB", "TiB"];
    let i = 0;
    while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
    return `${i === 0 ? n : n.toFixed(1)} ${units[i]}`;
  };
  const amount = (name, value) => (name === "memory" ? bytes(value) : String(Math.round(value * 10000) / 10000));

  function rows(table, items, render, emptyText) {
    const body = $(table).querySelector("tbody");
    body.replaceChildren(...(items.length ? items.map(render) : [el("tr", {}, el("td", { class: "empty", colspan: "9" }, emptyText))]));
  }

  function renderNodes(nodes) {
    $("nodes").replaceChildren(...nodes.map((n) => {
      const card = el("div", { class: "card node", "data-node-id": n.nodeId },
        el("h3", {}, `Node ${shortId(n.nodeId)} · ${n.nodeName}${n.isHeadNode ? " (head)" : ""} · ${n.state}`));
      Object.keys(n.resourcesTotal).sort().forEach((name) => {
        const total = n.resourcesTotal[name];
        const used = total - (n.resourcesAvailable[name] || 0);
        card.appendChild(el("div", { class: "row resource", "data-resource": name },
          name, el("b", {}, `${amount(name, used)} / ${amount(name, total)} used`)));
      });
      return card;
    }));
  }

  function renderStore(m) {
    $("store").replaceChildren(el("div", { class: "card" }, el("h3", {}, "Object store"),
      el("div", { class: "row" }, "memory", el("b", {}, `${bytes(m.usedBytes)} / ${bytes(m.capacityBytes)}`)),
      el("div", { class: "row" }, "objects in memory", el("b", {}, m.objectsInMemory)),
      el("div", { class: "row" }, "spilled", el("b", {}, `${m.objectsSpilled} objects, ${bytes(m.spilledBytes)} (${m.spillCount} spills)`))));
  }

  function render(s) {
    renderNodes(s.nodes);
    renderStore(s.memory);
    $("task-counts").replaceChildren(...Object.entries(s.taskCounts).map(([state, n]) =>
      el("div", { class: `count ${state}`, "data-state": state }, state, el("span", {}, n))));
    rows("summary", s.summary, (t) => el("tr", {}, el("td", {}, t.name), el("td", {}, t.type),
      el("td", {}, t.pending), el("td", {}, t.running), el("td", {}, t.finished), el("td", {}, t.failed), el("td", {}, t.cancelled)), "no tasks yet");
    rows("failed", s.failedTasks, (t) => el("tr", {}, el("td", { class: "mono" }, shortId(t.taskId)), el("td", {}, t.name),
      el("td", { class: "state-FAILED" }, t.errorType), el("td", {}, t.errorMessage)), "no failed task");
    rows("actors", s.actors, (a) => el("tr", { "data-actor-id": a.actorId }, el("td", { class: "mono" }, shortId(a.actorId)), el("td", {}, a.className),
      el("td", {}, a.name || ""), el("td", { class: `state-${a.state}` }, a.state), el("td", {}, a.restarts), el("td", {}, a.deathCause || "")), "no actor");
    rows("tasks", s.tasks, (t) => el("tr", {}, el("td", { class: "mono" }, shortId(t.taskId)), el("td", {}, t.name), el("td", {}, t.type),
      el("td", { class: `state-${t.state}` }, t.state), el("td", {}, t.attempts), el("td", {}, t.workerThreadId ?? ""),
      el("td", {}, t.durationMs === null ? "" : `${t.durationMs.toFixed(1)} ms`)), "no tasks yet");
    rows("objects", s.objects, (o) => el("tr", { "data-object-id": o.objectId }, el("td", { class: "mono" }, shortId(o.objectId)), el("td", {}, o.typeName),
      el("td", {}, bytes(o.sizeBytes)), el("td", {}, o.location),
      el("td", { class: "owner" }, o.ownerTaskId ? `${o.owner} (${shortId(o.ownerTaskId)})` : o.owner),
      el("td", { class: "reference" }, o.referenceType), el("td", {}, o.usedByPendingTasks)), "no tracked object (small objects stay inline)");
    $("status").textContent = `live · updated ${new Date(s.time).toLocaleTimeString()}`;
  }

  // The stream: each event is a whole snapshot. EventSource reconnects by itself after a drop; only a stream that never
  // opened (no EventSource, or a proxy that refuses it) falls back to polling.
  function stream() {
    if (!window.EventSource) {
      poll();
      return;
    }

    const source = new EventSource("/api/events");
    let opened = false;
    $("status").dataset.mode = "stream";
    source.onmessage = (event) => {
      opened = true;
      render(JSON.parse(event.data));
    };
    source.onerror = () => {
      if (!opened) {
        source.close();
        poll();
      } else {
        $("status").textContent = "disconnected; reconnecting";
      }
    };
  }

  async function poll() {
    $("status").dataset.mode = "poll";
    try {
      const response = await fetch("/api/snapshot", { cache: "no-store" });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      render(await response.json());
    } catch (error) {
      $("status").textContent = `disconnected (${error.message}); retrying`;
    } finally {
      setTimeout(poll, refreshMs);
    }
  }

  stream();
})();
