/* The teacher's console: the room code and QR code to show, the turn clock (start, pause, extend, close,
 * end), every team's members, ballot and meters, locking and merging teams, dealing or vetoing a crisis,
 * revealing information, and the exports. It opens only on the teacher's machine (the server checks).
 */
"use strict";

(() => {
  const G = Gaiko;
  const { t, el, $ } = G;
  const token = decodeURIComponent(location.hash.slice(1));
  const state = { view: null, remaining: null, socket: null, confirming: null, chosenTeams: new Set(), lists: "", status: "" };
  let clock = null;

  function send(msg) {
    if (!state.socket || !state.socket.send(msg)) G.toast(t("error.offline"));
  }

  // ── the clock's controls ─────────────────────────────────────────────
  function controls(v) {
    const s = v.status;
    const running = s === "open" || s === "paused";
    const startLabel = s === "lobby" ? t("teacher.start") : t("teacher.next_turn", { n: v.turn + 1 });
    const buttons = [
      { key: "start", label: startLabel, on: s === "lobby" || s === "closed", primary: true, msg: { type: "start" } },
      s === "paused"
        ? { key: "resume", label: t("teacher.resume"), on: true, primary: true, msg: { type: "resume" } }
        : { key: "pause", label: t("teacher.pause"), on: s === "open", msg: { type: "pause" } },
      { key: "plus", label: t("teacher.plus"), on: running, msg: { type: "extend", seconds: 60 } },
      { key: "minus", label: t("teacher.minus"), on: running, msg: { type: "extend", seconds: -60 } },
      { key: "close", label: t("teacher.close"), on: running, confirm: "teacher.confirm_close", msg: { type: "close" } },
      { key: "end", label: t("teacher.end"), on: s !== "ended", danger: true, confirm: "teacher.confirm_end", msg: { type: "end" } },
    ];
    G.replace($("#controls"), buttons.map((b) => el("button", {
      type: "button", class: ["btn", b.primary ? "primary" : "", b.danger ? "danger" : ""], disabled: !b.on,
      data: { key: b.key, action: b.key }, on: { click: () => (b.confirm ? ask(b) : send(b.msg)) },
    }, b.label)));
    $("#controls-note").textContent = t(`teacher.note.${s}`, { turn: v.turn, total: v.turns });
  }

  /** Ask before what cannot be undone (closing a turn, ending the class, merging teams). */
  function ask(b) {
    const box = $("#confirm");
    state.confirming = b.key;
    const no = el("button", { type: "button", class: "btn", data: { key: "confirm-no" }, text: t("common.cancel"),
      on: { click: () => { box.hidden = true; state.confirming = null; } } });
    G.replace(box,
      el("p", { class: "confirm-text", text: t(b.confirm) }),
      el("div", { class: "control-row" },
        el("button", { type: "button", class: ["btn", "danger"], data: { key: "confirm-yes" }, text: t(`${b.confirm}_yes`),
          on: { click: () => { box.hidden = true; state.confirming = null; send(b.msg); } } }),
        no));
    box.hidden = false;
    no.focus();
  }

  // ── the teams ────────────────────────────────────────────────────────
  /** A meter's name in the page's language (the room's view names every meter). */
  function meterName(v, id) {
    const named = (v.meters || []).find((m) => m.id === id);
    return named ? named.name : id;
  }

  function eventTitle(v, id) {
    const e = (v.events || []).find((x) => x.id === id);
    return e ? e.title : id;
  }

  function teamStatus(v, team) {
    if (team.merged_into) return el("span", { class: "tag merged", text: t("teacher.merged_into", { team: G.teamName(team.merged_into) }) });
    if (!team.playing) return el("span", { class: "tag over", text: t("teacher.game_over") });
    if (v.status === "lobby") return el("span", { class: "tag", text: t("teacher.waiting_start") });
    if (team.finished) return el("span", { class: "tag done" }, G.check(), t("teacher.finished"));
    return el("span", { class: "tag deciding", text: t("teacher.deciding") });
  }

  function teamsTable(v) {
    const playing = v.teams.filter((x) => x.playing);
    const head = el("thead", {}, el("tr", {},
      ["teacher.col.team", "teacher.col.members", "teacher.col.turn", "teacher.col.ballot", "teacher.col.meters",
        "teacher.col.announced", "teacher.col.manage"].map((k) => el("th", { scope: "col", text: t(k) }))));
    const body = el("tbody", {}, v.teams.map((team) => {
      const connected = (v.connected || []).includes(team.id);
      const ballot = Object.entries(team.ballot || {});
      const others = playing.filter((x) => x.id !== team.id);
      const select = el("select", { "aria-label": t("teacher.merge_into_label", { team: G.teamName(team.id) }),
        data: { key: `merge-to:${team.id}` }, disabled: Boolean(team.merged_into) || !others.length },
      others.map((x) => el("option", { value: x.id, text: G.teamName(x.id) })));
      return el("tr", { class: [team.merged_into ? "merged" : "", team.finished && v.status !== "lobby" ? "done" : ""] },
        el("th", { scope: "row", class: "team-name", text: G.teamName(team.id) }),
        el("td", {}, el("span", { class: "members", text: t("teacher.members", { n: team.members }) }),
          el("span", { class: ["conn", connected ? "on" : "off"], text: t(connected ? "teacher.online" : "teacher.offline") })),
        el("td", {}, teamStatus(v, team)),
        el("td", { class: "ballot-cell" }, ballot.length
          ? el("ul", {}, ballot.map(([role, label]) => el("li", {}, el("span", { class: "b-role", text: role }), " ",
            G.noKeyHint(label))))
          : el("span", { class: "muted", text: t("teacher.no_votes") })),
        el("td", { class: "meters-cell" }, el("ul", {}, Object.entries(team.meters || {}).map(([id, value]) =>
          el("li", {}, el("span", { class: "m-name", text: meterName(v, id) }), " ", el("strong", { text: String(value) }))))),
        el("td", { class: "announced-cell" }, (team.announced || []).length
          ? el("ul", {}, team.announced.map((id) => el("li", { text: eventTitle(v, id) })))
          : el("span", { class: "muted", text: "—" })),
        el("td", { class: "manage" },
          el("button", {
            type: "button", class: ["btn", "small", team.locked ? "on" : ""], "aria-pressed": String(team.locked),
            data: { key: `lock:${team.id}` }, on: { click: () => send({ type: "lock", team: team.id, locked: !team.locked }) },
          }, t(team.locked ? "teacher.unlock" : "teacher.lock")),
          team.locked ? el("span", { class: "tag locked", text: t("teacher.locked") }) : null,
          el("span", { class: "merge" }, select,
            el("button", {
              type: "button", class: "btn small", disabled: Boolean(team.merged_into) || !others.length,
              data: { key: `merge:${team.id}` },
              on: { click: () => ask({ key: "merge", confirm: "teacher.confirm_merge",
                msg: { type: "merge", team: team.id, into: select.value } }) },
            }, t("teacher.merge")))));
    }));
    G.replace($("#teams"), el("caption", { class: "visually-hidden", text: t("teacher.teams") }), head, body);
  }

  // ── crisis and reveal tools ──────────────────────────────────────────
  function lists(v) {
    const sig = JSON.stringify([v.teams.map((x) => x.id), v.events, v.actors]);
    if (sig === state.lists) return;
    state.lists = sig;
    const event = $("#event");
    const keepEvent = event.value;
    event.replaceChildren(...(v.events || []).map((e) => el("option", { value: e.id, text: e.title })));
    if (keepEvent) event.value = keepEvent;
    const actor = $("#actor");
    const keepActor = actor.value;
    actor.replaceChildren(...(v.actors || []).map((a) => el("option", { value: a.id, text: a.name })));
    if (keepActor) actor.value = keepActor;
    G.replace($("#event-teams"), v.teams.map((team) => el("label", { class: "check" },
      el("input", { type: "checkbox", value: team.id, checked: state.chosenTeams.has(team.id),
        on: { change: (e) => (e.target.checked ? state.chosenTeams.add(team.id) : state.chosenTeams.delete(team.id)) } }),
      " ", G.teamName(team.id))));
  }

  function crisisMove(kind) {
    const event = $("#event").value;
    if (!event) return;
    const msg = { type: kind, event };
    if (state.chosenTeams.size) msg.teams = [...state.chosenTeams];
    send(msg);
  }

  // ── everything ───────────────────────────────────────────────────────
  function render() {
    const v = state.view;
    if (!v) return;
    document.body.dataset.status = v.status;
    if (v.status !== state.status) {  // a question about the old state no longer applies
      state.status = v.status;
      $("#confirm").hidden = true;
      state.confirming = null;
    }
    $("#turn").textContent = v.turn ? t("turn.of", { n: v.turn, total: v.turns }) : "";
    $("#date").textContent = G.dateOnly(v.date);
    $("#status").textContent = t(`status.${v.status}`);
    $("#status").className = `status-pill s-${v.status}`;
    clock.set(v.status === "open" || v.status === "paused" ? state.remaining : null, v.status);
    $("#code").textContent = v.code;
    $("#join-url").textContent = v.join_url || "";
    $("#join-url").href = v.join_url || "#";
    $("#projector-link").href = `/projector#${encodeURIComponent(v.code)}`;
    G.replace($("#facts"), [
      ["teacher.preset", t("teacher.preset_value", { preset: v.preset, turns: v.turns, minutes: v.minutes, debrief: v.debrief_minutes })],
      ["teacher.difficulty", v.difficulty], ["teacher.weighting", v.weighting],
    ].map(([k, value]) => el("div", {}, el("dt", { text: t(k) }), el("dd", { text: value }))));
    controls(v);
    teamsTable(v);
    lists(v);
  }

  function fatal(msg) {
    const p = $("#fatal");
    p.textContent = G.errorText(msg.code, msg.message);
    p.hidden = false;
    document.body.classList.add("fatal-state");
  }

  async function main() {
    await G.init();
    G.langSwitch($("#tools"));
    clock = G.clock($("#clock"));
    const q = encodeURIComponent(token);
    const csvLink = () => { $("#export-csv").href = `/export/results.csv?token=${q}&lang=${G.lang}`; };
    csvLink();
    G.onLang(csvLink);
    $("#export-session").href = `/export/session.json?token=${q}`;
    $("#export-anon").href = `/export/session.json?token=${q}&anonymous=1`;
    $("#deal").addEventListener("click", () => crisisMove("deal"));
    $("#veto").addEventListener("click", () => crisisMove("veto"));
    $("#reveal-agenda").addEventListener("click", () => {
      if ($("#actor").value) send({ type: "reveal", what: "agenda", actor: $("#actor").value });
    });
    $("#reveal-next").addEventListener("click", () => send({ type: "reveal", what: "next_crises" }));
    if (!token) {
      fatal({ code: "teacher" });
      return;
    }
    const banner = G.connectionBanner();
    state.socket = G.connect({
      hello: () => ({ type: "hello", view: "teacher", token, lang: G.lang }),
      state: (msg) => {
        state.view = msg.view;
        state.remaining = msg.remaining;
        render();
      },
      error: (msg) => {
        const text = G.errorText(msg.code, msg.message);
        G.toast(msg.message && msg.code === "illegal" ? `${text}（${msg.message}）` : text);
      },
      status: banner,
      refused: (msg) => {
        fatal(msg);
        return true;
      },
    });
    G.onLang((lang) => {
      send({ type: "lang", lang });
      render();
    });
  }

  main();
})();
