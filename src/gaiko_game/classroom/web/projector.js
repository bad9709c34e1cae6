/* The projector: readable from the back of the room. In the lobby the room code and QR code; during a turn
 * the clock, which teams have submitted (never who voted what), the shared map and the news; at the end the
 * debrief that puts the teams side by side on the same crises.
 */
"use strict";

(() => {
  const G = Gaiko;
  const { t, el, svg, $ } = G;
  const code = decodeURIComponent(location.hash.slice(1)).trim().toUpperCase();
  const state = { view: null, remaining: null, socket: null, mapUpdate: null };
  let clock = null;

  function tile(v, team, lobby) {
    let status;
    let cls;
    if (team.merged_into) {
      status = el("span", { class: "tile-state", text: t("projector.merged", { team: G.teamName(team.merged_into) }) });
      cls = "merged";
    } else if (lobby) {
      status = el("span", { class: "tile-state", text: t("projector.joined", { n: team.members }) });
      cls = team.members ? "joined" : "empty";
    } else if (!team.playing) {
      status = el("span", { class: "tile-state", text: t("projector.over") });
      cls = "over";
    } else if (team.finished) {
      status = el("span", { class: "tile-state" }, G.check(), t("projector.submitted"));
      cls = "done";
    } else {
      status = el("span", { class: "tile-state", text: t("projector.deciding") });
      cls = "deciding";
    }
    return el("div", { class: ["tile", cls], data: { team: team.id } },
      el("span", { class: "tile-name", text: G.teamName(team.id) }), status,
      lobby ? null : el("span", { class: "tile-members", text: t("projector.members", { n: team.members }) }));
  }

  function renderLobby(v) {
    $("#code").textContent = v.code;
    $("#join-url").textContent = v.join_url || `${location.origin}/?c=${v.code}`;
    G.replace($("#lobby-tiles"), v.teams.map((team) => tile(v, team, true)));
  }

  function renderLive(v) {
    const done = v.teams.filter((x) => x.playing && x.finished).length;
    const playing = v.teams.filter((x) => x.playing).length;
    G.replace($("#tiles"), v.teams.map((team) => tile(v, team, false)));
    $("#live-note").textContent = v.status === "open" || v.status === "paused"
      ? t("projector.count", { n: done, total: playing }) : t(`projector.note.${v.status}`, { turn: v.turn });
    $("#paused").hidden = v.status !== "paused";
    if (!state.mapUpdate) state.mapUpdate = G.mapView($("#projector-map"), { px: 20 });
    state.mapUpdate({ fill: v.colours, label: v.names, player: v.player || t("map.player"), title: t("map.title_roles") });
    const roles = [...new Set(Object.values(v.roles || {}))];
    G.replace($("#legend"), roles.map((r) => {
      const actors = Object.keys(v.roles).filter((a) => v.roles[a] === r);
      const colour = v.colours[actors[0]];
      return el("li", {}, el("span", { class: "swatch", style: `background:${colour}`, "aria-hidden": "true" }),
        el("strong", { text: (v.role_names || {})[r] || r }), " ",
        el("span", { class: "legend-names", text: actors.map((a) => v.names[a]).join(t("common.list_sep")) }));
    }));
    G.replace($("#news"), v.news.slice(0, 2).map((n) => el("article", { class: "news" },
      el("h3", { text: n.heading }), el("p", { text: n.text }))));
  }

  // ── the debrief ──────────────────────────────────────────────────────
  function rankCards(d) {
    return d.teams.map((team, i) => el("article", { class: ["rank-card", i === 0 ? "first" : ""] },
      el("div", { class: "rank-head" },
        el("span", { class: "rank", text: t("debrief.rank", { n: i + 1 }) }),
        el("span", { class: "rank-team", text: G.teamName(team.id) }),
        lineSample(i)),
      el("p", { class: "rank-score" }, t("debrief.score"), " ", el("strong", { text: String(team.score) }),
        " ", el("span", { class: "small", text: t(team.verified ? "debrief.verified" : "debrief.not_verified") })),
      el("p", { class: "rank-label", text: team.label || t("debrief.no_label") }),
      team.merged_into ? el("p", { class: "small", text: t("projector.merged", { team: G.teamName(team.merged_into) }) }) : null,
      el("div", { class: "meters" }, d.meters.map((m) => G.meterBar({ name: m.name, value: team.meters[m.id], colour: m.colour },
        { noTrend: true }))),
      el("p", { class: "small muted", text: t("debrief.by_clock", { n: d.by_clock[team.id] || 0, m: d.by_teacher[team.id] || 0 }) })));
  }

  function lineSample(i) {
    return svg("svg", { class: "line-sample", viewBox: "0 0 48 12", width: 48, height: 12, "aria-hidden": "true" },
      svg("line", { x1: 2, y1: 6, x2: 46, y2: 6, stroke: G.TEAM_COLOURS[i % 8], "stroke-width": 3.5,
        "stroke-dasharray": G.TEAM_DASHES[i % 8] || null, "stroke-linecap": "round" }));
  }

  /** One meter over the turns, a line per team (colour, dash and a name at its end: never colour alone). */
  function chart(d, meter) {
    const W = 520;
    const H = 290;
    const L = 40;
    const R = 110;
    const T = 16;
    const B = 48;
    const len = Math.max(2, ...d.teams.map((x) => (x.curves[meter.id] || []).length));
    const all = d.teams.flatMap((x) => x.curves[meter.id] || []);
    // the axis spans the values with a margin (at least 20 points), so close teams can be told apart
    let lo = Math.max(0, Math.floor((Math.min(...all, 100) - 5) / 10) * 10);
    let hi = Math.min(100, Math.ceil((Math.max(...all, 0) + 5) / 10) * 10);
    if (hi - lo < 20) {
      hi = Math.min(100, lo + 20);
      lo = Math.max(0, hi - 20);
    }
    const x = (i) => L + (i * (W - L - R)) / (len - 1);
    const y = (value) => T + ((hi - value) * (H - T - B)) / (hi - lo);
    const root = svg("svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, role: "img",
      "aria-label": t("debrief.chart_label", { meter: meter.name }) });
    const step = hi - lo > 50 ? 20 : hi - lo > 20 ? 10 : 5;
    for (let g = lo; g <= hi; g += step) {
      root.append(svg("line", { x1: L, x2: W - R, y1: y(g), y2: y(g), class: g === lo ? "axis" : "grid" }));
      const label = svg("text", { x: L - 6, y: y(g) + 5, "text-anchor": "end", class: "tick" });
      label.textContent = String(g);
      root.append(label);
    }
    const every = len > 12 ? Math.ceil(len / 8) : 1;
    for (let i = 0; i < len; i += every) {
      const label = svg("text", { x: x(i), y: H - B + 19, "text-anchor": "middle", class: "tick" });
      label.textContent = i === 0 ? t("debrief.start") : String(i);
      root.append(label);
    }
    const axis = svg("text", { x: (L + W - R) / 2, y: H - 4, "text-anchor": "middle", class: "tick" });
    axis.textContent = t("debrief.turns_axis");
    root.append(axis);
    const ends = [];
    d.teams.forEach((team, i) => {
      const values = team.curves[meter.id] || [];
      if (!values.length) return;
      const points = values.map((value, j) => `${x(j).toFixed(1)},${y(value).toFixed(1)}`).join(" ");
      root.append(svg("polyline", { points, fill: "none", stroke: G.TEAM_COLOURS[i % 8], "stroke-width": 3.5,
        "stroke-dasharray": G.TEAM_DASHES[i % 8] || null, "stroke-linejoin": "round", "stroke-linecap": "round" }));
      const last = values.length - 1;
      root.append(svg("circle", { cx: x(last), cy: y(values[last]), r: 4.5, fill: G.TEAM_COLOURS[i % 8] }));
      ends.push({ i, x: x(last), y: y(values[last]), text: `${G.teamName(team.id)} ${values[last]}` });
    });
    ends.sort((a, b) => a.y - b.y);
    for (let k = 1; k < ends.length; k += 1) ends[k].y = Math.max(ends[k].y, ends[k - 1].y + 18);
    ends.forEach((e) => {
      const label = svg("text", { x: e.x + 8, y: e.y + 5, class: "end-label", fill: G.TEAM_COLOURS[e.i % 8] });
      label.textContent = e.text;
      root.append(label);
    });
    return el("figure", { class: "chart-box" }, el("figcaption", { text: meter.name }), root);
  }

  function crisisTable(d) {
    const head = el("thead", {}, el("tr", {}, el("th", { scope: "col", text: t("debrief.crisis_col") }),
      d.teams.map((team, i) => el("th", { scope: "col" }, lineSample(i), " ", G.teamName(team.id)))));
    const body = el("tbody", {}, d.crises.map((c) => el("tr", {},
      el("th", { scope: "row" }, el("span", { class: "when", text: c.when }), el("span", { class: "c-title", text: c.title })),
      d.teams.map((team) => {
        const a = c.teams[team.id];
        if (!a) return el("td", { class: "muted", text: t("debrief.not_met") });
        return el("td", {}, el("strong", { class: "answer", text: a.answer }),
          a.effects.length ? el("ul", { class: "effects" }, a.effects.map((e) => el("li", { text: e }))) : null,
          el("span", { class: "total", text: a.total }));
      }))));
    return [head, body];
  }

  function renderDebrief(v) {
    const d = v.debrief;
    if (!d) return;
    G.replace($("#rank"), rankCards(d));
    G.replace($("#charts"), d.meters.map((m) => chart(d, m)));
    G.replace($("#crises"), d.crises.length ? crisisTable(d)
      : el("tbody", {}, el("tr", {}, el("td", { text: t("debrief.no_crises") }))));
    G.replace($("#questions"), d.questions.map((q) => el("li", { text: q })));
  }

  function render() {
    const v = state.view;
    if (!v) return;
    document.body.dataset.status = v.status;
    $("#turn").textContent = v.turn ? t("turn.of", { n: v.turn, total: v.turns }) : "";
    $("#date").textContent = G.dateOnly(v.date);
    $("#status").textContent = t(`status.${v.status}`);
    $("#status").className = `status-pill s-${v.status}`;
    $("#code-small").textContent = v.code;
    clock.set(v.status === "open" || v.status === "paused" ? state.remaining : null, v.status);
    const lobby = v.status === "lobby";
    const ended = v.status === "ended" && v.debrief;
    $("#lobby").hidden = !lobby;
    $("#live").hidden = lobby || Boolean(ended);
    $("#debrief").hidden = !ended;
    if (lobby) renderLobby(v);
    else if (ended) renderDebrief(v);
    else renderLive(v);
  }

  async function main() {
    await G.init();
    G.langSwitch($("#tools"));
    clock = G.clock($("#clock"));
    if (!code) {
      $("#fatal").textContent = t("error.code");
      $("#fatal").hidden = false;
      return;
    }
    const banner = G.connectionBanner();
    state.socket = G.connect({
      hello: () => ({ type: "hello", view: "projector", code, lang: G.lang }),
      state: (msg) => {
        state.view = msg.view;
        state.remaining = msg.remaining;
        render();
      },
      error: (msg) => G.toast(G.errorText(msg.code, msg.message)),
      status: banner,
      refused: (msg) => {
        $("#fatal").textContent = G.errorText(msg.code, msg.message);
        $("#fatal").hidden = false;
        return true;
      },
    });
    // the projector may not send "lang": it says hello again in the new language
    G.onLang(() => {
      state.socket.restart();
      render();
    });
  }

  main();
})();
