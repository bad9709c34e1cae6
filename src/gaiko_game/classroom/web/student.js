/* The student's page: join a team in a ministry role, then vote and submit the team's decisions.
 *
 * The seat's token is kept in localStorage under the room code, so a reloaded page, a closed tab or a dropped
 * Wi-Fi comes back to the same team and role. Every control is a real <button>; the server decides what is
 * allowed and says why when it refuses.
 */
"use strict";

(() => {
  const G = Gaiko;
  const { t, el, $ } = G;
  const SEAT_PREFIX = "gaiko.seat.";

  const state = {
    code: "", room: null, team: null, seat: null, view: null, remaining: null, socket: null,
    expanded: new Set(), mapUpdate: null, banner: null, roomTimer: null,
  };
  let clock = null;

  // ── the seat kept on this device ─────────────────────────────────────
  function readSeat(code) {
    try {
      const seat = JSON.parse(localStorage.getItem(SEAT_PREFIX + code) || "null");
      return seat && typeof seat.token === "string" ? seat : null;
    } catch (_) {
      return null;
    }
  }

  function saveSeat(code, seat) {
    try {
      localStorage.setItem(SEAT_PREFIX + code, JSON.stringify(seat));
    } catch (_) { /* private mode: the seat lasts while the page is open */ }
  }

  function clearSeat(code) {
    try {
      localStorage.removeItem(SEAT_PREFIX + code);
    } catch (_) { /* nothing kept */ }
  }

  // ── joining ──────────────────────────────────────────────────────────
  function showHeader(playing) {
    ["#who", "#when", "#clockbox", "#leave-seat"].forEach((sel) => { if ($(sel)) $(sel).hidden = !playing; });
  }

  function showJoin() {
    $("#join").hidden = false;
    $("#play").hidden = true;
    showHeader(false);
    document.body.dataset.status = "join";
    $("#code-input").value = state.code;
    if (state.code) {
      loadRoom();
    } else {
      $("#team-step").hidden = true;
      $("#role-step").hidden = true;
      $("#code-input").focus();
    }
  }

  async function loadRoom() {
    let data = null;
    let ok = false;
    try {
      const res = await fetch(`/api/room?code=${encodeURIComponent(state.code)}`, { cache: "no-cache" });
      ok = res.ok;
      data = await res.json();
    } catch (_) {
      G.toast(t("error.offline"));
      return;
    }
    if (!ok) {
      G.toast(G.errorText(data && data.code, data && data.message));
      $("#team-step").hidden = true;
      $("#role-step").hidden = true;
      $("#code-input").focus();
      return;
    }
    state.room = data;
    renderJoin();
    clearInterval(state.roomTimer);
    state.roomTimer = setInterval(() => {
      if (!$("#join").hidden) refreshRoom();
      else clearInterval(state.roomTimer);
    }, 5000);
  }

  async function refreshRoom() {
    try {
      const res = await fetch(`/api/room?code=${encodeURIComponent(state.code)}`, { cache: "no-cache" });
      if (res.ok) {
        state.room = await res.json();
        renderJoin();
      }
    } catch (_) { /* try again on the next round */ }
  }

  function renderJoin() {
    const room = state.room;
    if (!room) return;
    $("#join-scenario").textContent = room.scenario ? room.scenario[G.lang] : "";
    const first = !$("#team-list").childElementCount;
    G.replace($("#team-list"), room.teams.map((team) => {
      const blocked = team.locked || team.merged_into;
      const sub = team.merged_into ? t("join.merged", { team: G.teamName(team.merged_into) })
        : team.locked ? t("join.locked") : t("join.members", { n: team.held.length, total: room.roles.length });
      return el("button", {
        type: "button", class: ["pick", state.team === team.id ? "chosen" : ""], disabled: blocked,
        "aria-pressed": String(state.team === team.id), data: { key: `team:${team.id}` },
        on: { click: () => chooseTeam(team.id) },
      }, el("span", { class: "pick-main", text: G.teamName(team.id) }), el("span", { class: "pick-sub", text: sub }));
    }));
    $("#team-step").hidden = false;
    if (first && !state.team) {
      const firstFree = $("#team-list button:not([disabled])");
      if (firstFree && document.activeElement === document.body) firstFree.focus();
    }
    if (state.team) renderRoles();
  }

  function chooseTeam(id) {
    state.team = id;
    renderJoin();
    renderRoles();
    const firstRole = $("#role-list button:not([disabled])");
    $("#role-step").scrollIntoView({ block: "nearest" });
    if (firstRole) firstRole.focus({ preventScroll: true });
  }

  function renderRoles() {
    const room = state.room;
    const team = room.teams.find((x) => x.id === state.team);
    if (!team) return;
    $("#role-title").textContent = t("join.pick_role_for", { team: G.teamName(team.id) });
    G.replace($("#role-list"), room.roles.map((role) => {
      const held = team.held.includes(role.id);
      return el("button", {
        type: "button", class: ["pick", "role", held ? "taken" : "free"], data: { key: `role:${role.id}` },
        on: { click: () => join(team.id, role.id) },
      }, el("span", { class: "pick-main", text: role.name[G.lang] }),
      el("span", { class: "pick-sub", text: held ? t("join.role_taken") : t("join.role_free") }));
    }));
    $("#role-step").hidden = false;
  }

  async function join(team, role) {
    let res;
    let data;
    try {
      res = await fetch("/api/join", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ code: state.code, team, role }),
      });
      data = await res.json();
    } catch (_) {
      G.toast(t("error.offline"));
      return;
    }
    if (!res.ok) {
      G.toast(G.errorText(data.code, data.message));
      refreshRoom();
      return;
    }
    const seat = { token: data.token, team: data.team, role: data.role };
    saveSeat(state.code, seat);
    play(seat);
  }

  // ── playing ──────────────────────────────────────────────────────────
  function play(seat) {
    state.seat = seat;
    clearInterval(state.roomTimer);
    $("#join").hidden = true;
    $("#play").hidden = false;
    showHeader(true);
    if (!state.mapUpdate) state.mapUpdate = G.mapView($("#student-map"), { px: 12 });
    if (!state.banner) state.banner = G.connectionBanner();
    if (state.socket) state.socket.stop();
    state.socket = G.connect({
      hello: () => ({ type: "hello", view: "student", token: state.seat.token, lang: G.lang }),
      state: (msg) => {
        state.view = msg.view;
        state.remaining = msg.remaining;
        render();
      },
      error: (msg) => {
        if (msg.code === "token") seatGone();
        else G.toast(G.errorText(msg.code, msg.message));
      },
      status: (up) => state.banner(up),
      refused: (msg) => {
        seatGone(msg);
        return true;
      },
    });
  }

  /** This device's seat is gone (taken over by another device, or a new class): join again. */
  function seatGone(msg) {
    clearSeat(state.code);
    if (state.socket) state.socket.stop();
    state.socket = null;
    state.view = null;
    state.banner(true);
    G.toast(G.errorText(msg ? msg.code : "token", msg && msg.message));
    showJoin();
  }

  /** Give the seat up (a device passed on to the next student, or a team taking turns at one computer). */
  function leaveSeat() {
    if (!window.confirm(t("seat.leave_confirm"))) return;
    if (state.socket) state.socket.send({ type: "leave" });
    clearSeat(state.code);
    if (state.socket) state.socket.stop();
    state.socket = null;
    state.view = null;
    state.banner(true);
    showJoin();
  }

  function vote(decision) {
    if (!state.socket || !state.socket.send({ type: "vote", decision })) G.toast(t("error.offline"));
  }

  function submit() {
    if (!state.socket || !state.socket.send({ type: "submit" })) G.toast(t("error.offline"));
  }

  function roleName(v, id) {
    if (id === "timer") return t("by.timer");
    if (id === "teacher") return t("by.teacher");
    const r = v.roles.find((x) => x.id === id);
    return r ? r.name : id;
  }

  function votersOf(v) {
    const out = {};
    Object.entries(v.ballot).forEach(([role, b]) => { (out[b.decision] = out[b.decision] || []).push(role); });
    return out;
  }

  /** What a submit would play now: the most votes; a tie goes to this device's role's vote. */
  function outcome(v) {
    const counts = {};
    const labels = {};
    Object.values(v.ballot).forEach((b) => {
      counts[b.decision] = (counts[b.decision] || 0) + 1;
      labels[b.decision] = b.label;
    });
    const entries = Object.entries(counts);
    if (!entries.length) return { kind: "none" };
    const top = Math.max(...entries.map(([, n]) => n));
    const tied = entries.filter(([, n]) => n === top).map(([d]) => d);
    const mine = v.ballot[v.me.role] && v.ballot[v.me.role].decision;
    if (tied.length === 1) return { kind: "ok", decision: tied[0], label: G.noKeyHint(labels[tied[0]]), votes: top };
    if (tied.includes(mine)) return { kind: "mine", decision: mine, label: G.noKeyHint(labels[mine]), votes: top };
    return { kind: "tie", labels: tied.map((d) => t("common.quote", { text: G.noKeyHint(labels[d]) })).join(t("common.list_sep")) };
  }

  function render() {
    const v = state.view;
    if (!v) return;
    document.body.dataset.status = v.status;
    document.body.classList.toggle("finished", Boolean(v.finished));
    $("#who-team").textContent = G.teamName(v.me.team);
    $("#who-role").textContent = v.me.role_name;
    $("#turn").textContent = v.turn ? t("turn.of", { n: v.turn, total: v.turns }) : "";
    $("#date").textContent = G.dateOnly(v.hud.date);
    const pill = $("#status");
    const statusKey = v.status === "open" && v.finished ? "status.submitted" : `status.${v.status}`;
    pill.textContent = t(statusKey);
    pill.className = `status-pill s-${v.status === "open" && v.finished ? "done" : v.status}`;
    clock.set(v.status === "open" || v.status === "paused" ? state.remaining : null, v.status);
    renderHud(v);
    renderWorld(v);
    renderDecide(v);
    renderSubmit(v);
    renderMinistry(v);
    renderLog(v);
  }

  function renderHud(v) {
    G.replace($("#meters"), v.hud.meters.map((m) => G.meterBar(m)));
    G.replace($("#capital"),
      el("div", { class: "capital-main" },
        el("span", { class: "coin", "aria-hidden": "true", text: "◆" }),
        el("span", { class: "capital-text", text: v.hud.capital })),
      v.hud.programmes ? el("p", { class: "small", text: v.hud.programmes }) : null);
    G.replace($("#tracks"), el("dl", { class: "track-list" }, v.hud.tracks.map((x) => {
      const span = Math.max(1, x.hi - x.lo);
      const pct = Math.round(((x.value - x.lo) / span) * 100);
      return el("div", { class: "track", title: x.desc },
        el("dt", { text: x.name }),
        el("dd", {},
          el("span", { class: "track-value", text: x.hi <= 10 ? `${x.value}/${x.hi}` : String(x.value) }),
          el("span", { class: "track-bar", "aria-hidden": "true" }, el("span", { style: `width:${pct}%` }))));
    })));
  }

  function renderWorld(v) {
    state.mapUpdate({ fill: v.colours, label: v.names, player: v.player || t("map.player"), title: t("map.title") });
    const rows = Object.keys(v.names).sort((a, b) => v.relations[b] - v.relations[a]);
    G.replace($("#relations"), rows.map((a) => el("li", {},
      el("span", { class: "swatch", style: `background:${v.colours[a]}`, "aria-hidden": "true" }),
      el("span", { class: "rel-name", text: v.names[a] }),
      el("span", { class: "rel-value", text: G.signed(v.relations[a]) }))));
  }

  // ── the decision in hand ─────────────────────────────────────────────
  function statusNote(v) {
    let key = null;
    if (v.status === "lobby") key = "note.lobby";
    else if (v.status === "paused") key = "note.paused";
    else if (v.status === "closed") key = "note.closed";
    else if (v.status === "ended") key = "note.ended";
    else if (v.finished && v.merged_into) key = "note.merged";
    else if (v.finished && !v.end && !v.crisis) key = "note.over";
    else if (v.finished) key = "note.finished";
    if (!key) return null;
    return el("div", { class: ["note", `note-${v.status}`, v.finished && v.status === "open" ? "note-done" : ""] },
      v.finished && v.status === "open" ? G.check("big") : null,
      el("div", {},
        el("p", { class: "note-title", text: t(`${key}.title`, { turn: v.turn, total: v.turns }) }),
        el("p", { class: "note-text", text: t(`${key}.text`, { team: G.teamName(v.merged_into || v.team) }) })));
  }

  function votesChip(v, voters) {
    if (!voters || !voters.length) return null;
    return el("span", { class: "chip votes" }, G.check(),
      t("ballot.voted_by", { n: voters.length, roles: voters.map((r) => roleName(v, r)).join(t("common.list_sep")) }));
  }

  function costChip(cost) {
    return el("span", { class: ["chip", "cost", cost ? "" : "free"], text: cost ? t("cost.dc", { n: cost }) : t("cost.free") });
  }

  function renderDecide(v) {
    const parts = [statusNote(v)];
    if (v.revealed && v.revealed.length) parts.push(revealedPanel(v));
    if (v.status === "ended") parts.push(finalPanel(v));
    else if (v.crisis) parts.push(crisisCard(v));
    else {
      if (v.headline.length) parts.push(headlinePanel(v));
      if (v.actions.length || v.end) parts.push(actionsPanel(v));
    }
    G.replace($("#decide"), parts);
  }

  function revealedPanel(v) {
    return el("section", { class: "panel revealed" },
      el("h2", { class: "panel-title", text: t("reveal.title") }),
      v.revealed.map((r) => (r.kind === "agenda"
        ? el("div", { class: "reveal" }, el("h3", { text: t("reveal.agenda", { actor: r.actor }) }),
          r.moves.length ? el("ul", {}, r.moves.map((m) => el("li", {}, m.title, " ", el("strong", { text: t("reveal.odds", { n: m.odds }) }))))
            : el("p", { text: t("reveal.no_moves") }))
        : el("div", { class: "reveal" }, el("h3", { text: t("reveal.next") }),
          r.titles.length ? el("ul", {}, r.titles.map((x) => el("li", { text: x }))) : el("p", { text: t("reveal.none") })))));
  }

  function finalPanel(v) {
    return el("section", { class: "panel final" },
      el("h2", { class: "panel-title", text: t("final.title") }),
      el("p", { class: "final-score" }, t("final.score"), " ", el("strong", { text: String(v.score) })),
      el("div", { class: "meters" }, v.hud.meters.map((m) => G.meterBar(m, { noTrend: true }))),
      el("p", { text: t("final.projector") }));
  }

  function headlinePanel(v) {
    return el("section", { class: "panel headline" },
      el("h2", { class: "panel-title", text: t(v.acting || v.status === "lobby" ? "news.title" : "news.next") }),
      v.headline.map((item) => el("article", { class: ["news", item.opportunity ? "opportunity" : ""] },
        el("h3", { text: item.heading }),
        el("p", { text: item.text }),
        item.immediate ? el("p", { class: "immediate", text: item.immediate }) : null,
        item.answers && item.answers.length ? el("details", { class: "answers", data: { key: `ans:${item.id}` } },
          el("summary", { text: t("news.answers") }),
          el("ul", {}, item.answers.map((a) => el("li", { text: a })))) : null)));
  }

  function crisisCard(v) {
    const c = v.crisis;
    const voters = votersOf(v);
    const mine = v.ballot[v.me.role] && v.ballot[v.me.role].decision;
    return el("section", { class: ["panel", "crisis", c.opportunity ? "opportunity" : ""], "aria-labelledby": "crisis-title" },
      el("p", { class: "kind", text: t(c.opportunity ? "crisis.opportunity" : "crisis.crisis") }),
      el("h2", { id: "crisis-title", class: "crisis-title", text: c.title }),
      el("p", { class: "crisis-text", text: c.text }),
      c.immediate ? el("p", { class: "immediate", text: c.immediate }) : null,
      c.background ? el("details", { class: "background", data: { key: `bg:${c.id}` } },
        el("summary", { text: t("crisis.background") }),
        el("p", { class: "pre", text: c.background })) : null,
      el("p", { class: "hint", text: t("crisis.hint") }),
      el("ol", { class: "choices" }, c.choices.map((ch) => {
        const decision = `choose:${ch.id}`;
        const world = new Set(ch.world || []);
        const direct = ch.effects.filter((e) => !world.has(e));
        return el("li", { class: ["choice", mine === decision ? "mine" : "", ch.enabled ? "" : "off"] },
          el("button", {
            type: "button", class: "choice-main", "aria-pressed": String(mine === decision),
            disabled: !(v.acting && ch.enabled), data: { key: `c:${ch.id}` }, on: { click: () => vote(decision) },
          },
          el("span", { class: "choice-head" },
            el("span", { class: "num", text: String(ch.number) }),
            el("span", { class: "choice-label", text: ch.label }),
            costChip(ch.cost)),
          direct.length ? el("span", { class: "effects" }, direct.map((e) => el("span", { class: "effect", text: e }))) : null,
          voters[decision] ? el("span", { class: "chips" }, votesChip(v, voters[decision]),
            mine === decision ? el("span", { class: "chip mine-chip", text: t("ballot.my_vote") }) : null) : null),
          world.size ? el("details", { class: "world-lines", data: { key: `w:${ch.id}` } }, el("summary", { text: t("crisis.then") }),
            el("ul", {}, [...world].map((w) => el("li", { text: w })))) : null,
          !ch.enabled && ch.reasons ? el("p", { class: "reason", text: t("actions.why_not", { why: ch.reasons }) }) : null);
      })));
  }

  function actionsPanel(v) {
    const voters = votersOf(v);
    const mine = v.ballot[v.me.role] && v.ballot[v.me.role].decision;
    const groups = [];
    v.actions.forEach((a) => {
      let g = groups.find((x) => x.name === a.category);
      if (!g) groups.push(g = { name: a.category, rows: [] });
      g.rows.push(a);
    });
    const endRow = v.end ? el("div", { class: ["end-row", mine === "end" ? "mine" : ""] },
      el("button", {
        type: "button", class: "btn end-btn", "aria-pressed": String(mine === "end"), disabled: !v.acting,
        data: { key: "end" }, on: { click: () => vote("end") },
      }, el("span", { class: "end-label", text: G.noKeyHint(v.end.label) }), votesChip(v, voters.end),
      mine === "end" ? el("span", { class: "chip mine-chip", text: t("ballot.my_vote") }) : null),
      el("p", { class: "hint small", text: t("actions.end_hint") })) : null;
    let [title, hint] = ["actions.title", "actions.hint"];
    if (v.status === "lobby") [title, hint] = ["actions.first", "actions.preview_hint"];
    else if (v.status === "paused" && !v.finished) [title, hint] = ["actions.paused", "actions.paused_hint"];
    else if (!v.acting) [title, hint] = ["actions.preview", "actions.preview_hint"];
    return el("section", { class: "panel actions", "aria-labelledby": "actions-title" },
      el("div", { class: "panel-head" },
        el("h2", { id: "actions-title", class: "panel-title", text: t(title) }),
        el("p", { class: "hint small", text: t(hint) })),
      endRow,
      groups.map((g) => el("section", { class: "cat" },
        el("h3", { class: "cat-title", text: g.name }),
        el("ul", { class: "act-list" }, g.rows.map((a) => actionRow(v, a, voters[a.decision], mine))))));
  }

  function actionRow(v, a, voters, mine) {
    const open = state.expanded.has(a.decision);
    const detailId = `detail-${a.decision.replace(/[^\w-]/g, "_")}`;
    const isMine = mine === a.decision;
    const more = el("button", {
      type: "button", class: "more", "aria-expanded": String(open), "aria-controls": detailId,
      data: { key: `m:${a.decision}` }, text: t(open ? "actions.less" : "actions.more"),
    });
    const detail = el("div", { class: "detail", id: detailId, hidden: !open },
      a.desc ? el("p", { class: "desc", text: a.desc }) : null,
      a.effects.length ? el("ul", { class: "effect-list" }, a.effects.map((e) => el("li", { text: e }))) : null,
      (a.warnings || []).map((w) => el("p", { class: "warn", text: w })));
    more.addEventListener("click", () => {
      const now = detail.hidden;
      detail.hidden = !now;
      more.setAttribute("aria-expanded", String(now));
      more.textContent = t(now ? "actions.less" : "actions.more");
      if (now) state.expanded.add(a.decision);
      else state.expanded.delete(a.decision);
    });
    return el("li", { class: ["act", isMine ? "mine" : "", a.enabled ? "" : "off"] },
      el("div", { class: "act-row" },
        el("button", {
          type: "button", class: "act-main", "aria-pressed": String(isMine), disabled: !(v.acting && a.enabled),
          title: a.effects.join("\n"), data: { key: `a:${a.decision}` }, on: { click: () => vote(a.decision) },
        },
        el("span", { class: "act-label", text: a.label }),
        el("span", { class: "chips" }, costChip(a.cost),
          a.badge ? el("span", { class: "chip badge", text: a.badge }) : null,
          votesChip(v, voters),
          isMine ? el("span", { class: "chip mine-chip", text: t("ballot.my_vote") }) : null)),
        more),
      !a.enabled && a.reasons ? el("p", { class: "reason", text: t("actions.why_not", { why: a.reasons }) }) : null,
      detail);
  }

  // ── the team's ballot and the submit button ──────────────────────────
  function renderSubmit(v) {
    const out = outcome(v);
    let line;
    if (v.finished && v.status === "open") line = el("p", { class: "outcome done" }, G.check(), t("ballot.done"));
    else if (out.kind === "none") line = el("p", { class: "outcome", text: t("ballot.none") });
    else if (out.kind === "tie") line = el("p", { class: "outcome tie", text: t("ballot.tie", { labels: out.labels }) });
    else {
      line = el("p", { class: "outcome" }, el("span", { class: "outcome-why", text: t(out.kind === "mine" ? "ballot.will_mine" : "ballot.will", { n: out.votes }) }),
        el("strong", { text: t("common.quote", { text: out.label }) }));
    }
    const can = v.acting && (out.kind === "ok" || out.kind === "mine");
    const mine = v.ballot[v.me.role];
    G.replace($("#ballot"),
      el("h2", { id: "ballot-title", class: "panel-title", text: t("ballot.title") }),
      el("ul", { class: "ballot" }, v.roles.map((r) => {
        const b = v.ballot[r.id];
        return el("li", { class: [r.id === v.me.role ? "me" : "", b ? "voted" : "", r.held ? "" : "vacant"] },
          el("span", { class: "b-role" }, r.name, r.id === v.me.role ? el("span", { class: "you", text: t("ballot.you") }) : null),
          el("span", { class: "b-vote" }, b ? G.check() : null,
            b ? G.noKeyHint(b.label) : t(r.held ? "ballot.no_vote" : "ballot.vacant")));
      })));
    const done = v.finished && v.status === "open";
    G.replace($("#submitbar"),
      el("div", { class: "submit-row" },
        line,
        done ? null : el("button", {
          type: "button", id: "submit", class: "btn primary big submit", disabled: !can, data: { key: "submit" },
          on: { click: submit },
        }, can ? t("ballot.submit", { label: t("common.quote", { text: out.label }) }) : t("ballot.submit_idle"))),
      done ? null : el("p", { class: "hint small", text: mine || !v.acting ? t("ballot.rule") : t("ballot.vote_first") }));
  }

  function renderMinistry(v) {
    const mine = v.ballot[v.me.role] && v.ballot[v.me.role].decision;
    const advice = v.status === "ended" ? [] : v.me.advice || [];
    G.replace($("#ministry"),
      el("h2", { id: "ministry-title", class: "panel-title", text: t("ministry.title", { role: v.me.role_name }) }),
      el("p", { class: "brief", text: v.me.brief }),
      v.status === "ended" ? null : el("h3", { class: "sub-title", text: t("ministry.advice") }),
      advice.length ? el("ul", { class: "advice" }, advice.map((p) => el("li", {},
        el("button", {
          type: "button", class: ["advice-btn", mine === p.decision ? "mine" : ""], disabled: !v.acting,
          "aria-pressed": String(mine === p.decision), data: { key: `v:${p.decision}` }, on: { click: () => vote(p.decision) },
        },
        el("span", { class: "advice-label", text: G.noKeyHint(p.label) }),
        el("span", { class: "chips" }, costChip(p.cost),
          p.gains.filter((g) => Number(g.by) !== 0).map((g) => el("span", { class: "chip gain", text: `${g.meter} ${G.signed(g.by)}` }))),
        el("span", { class: "advice-do", text: t(mine === p.decision ? "ballot.my_vote" : "ministry.vote") })))))
        : v.status === "ended" ? null : el("p", { class: "hint", text: t("ministry.no_advice") }));
  }

  function renderLog(v) {
    G.replace($("#log"),
      el("h2", { id: "log-title", class: "panel-title", text: t("log.title") }),
      el("p", { class: "score" }, t("log.score"), " ", el("strong", { text: String(v.score) })),
      v.decided.length ? el("ol", { class: "decided" }, v.decided.slice().reverse().map((d) => el("li", {},
        el("span", { class: "d-turn", text: t("log.turn", { n: d.turn }) }),
        el("span", { class: "d-label", text: G.noKeyHint(d.label) }),
        el("span", { class: ["d-by", d.by === "timer" ? "timer" : ""], text: roleName(v, d.by) }))))
        : el("p", { class: "hint", text: t("log.none") }));
  }

  // ── start ────────────────────────────────────────────────────────────
  async function main() {
    await G.init();
    G.langSwitch($("#tools"));
    const leave = el("button", { type: "button", id: "leave-seat", class: "leave-seat", text: t("seat.leave") });
    leave.addEventListener("click", leaveSeat);
    $("#tools").prepend(leave);
    clock = G.clock($("#clock"));
    G.onLang((lang) => {
      leave.textContent = t("seat.leave");
      if (state.socket) state.socket.send({ type: "lang", lang });
      if (!$("#join").hidden) renderJoin();
      render();
    });
    $("#code-form").addEventListener("submit", (e) => {
      e.preventDefault();
      const code = $("#code-input").value.trim().toUpperCase();
      if (!code) return;
      state.code = code;
      state.team = null;
      history.replaceState(null, "", `/?c=${encodeURIComponent(code)}`);
      const seat = readSeat(code);
      if (seat) play(seat);
      else loadRoom();
    });
    $("#back-to-teams").addEventListener("click", () => {
      state.team = null;
      $("#role-step").hidden = true;
      renderJoin();
      const chosen = $("#team-list button:not([disabled])");
      if (chosen) chosen.focus();
    });
    state.code = (new URLSearchParams(location.search).get("c") || "").trim().toUpperCase();
    const seat = state.code ? readSeat(state.code) : null;
    if (seat) play(seat);
    else showJoin();
  }

  main();
})();
