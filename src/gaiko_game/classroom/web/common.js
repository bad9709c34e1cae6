/* Gaikō classroom pages: what the student, teacher and projector pages share.
 *
 * Texts (from /api/strings, 日本語/English remembered in localStorage), a small DOM builder that only ever
 * sets text (never HTML from the server), the WebSocket that reconnects and says hello again by itself,
 * the countdown clock, the SVG map drawn from /api/map, and error toasts in the page's language.
 * Plain JavaScript, no build step, no framework, nothing fetched from outside the teacher's machine.
 */
"use strict";

const Gaiko = (() => {
  const LANG_KEY = "gaiko.lang";
  const SVG_NS = "http://www.w3.org/2000/svg";
  let strings = { ja: {}, en: {} };
  let lang = "ja";
  const langListeners = [];

  // ── texts ────────────────────────────────────────────────────────────
  function storedLang() {
    try {
      const v = localStorage.getItem(LANG_KEY);
      return v === "en" || v === "ja" ? v : null;
    } catch (_) {
      return null;
    }
  }

  /** The text for a key in the page's language, with {name} filled from vars. */
  function t(key, vars) {
    let s = strings[lang][key];
    if (s === undefined) s = strings.ja[key];
    if (s === undefined) return key;
    if (vars) s = s.replace(/\{(\w+)\}/g, (m, k) => (vars[k] === undefined ? m : String(vars[k])));
    return s;
  }

  function has(key) {
    return strings[lang][key] !== undefined;
  }

  /** Fill every [data-i18n] element (its text) and [data-i18n-attr="attr:key;attr:key"] (attributes). */
  function applyTexts(root) {
    const scope = root || document;
    scope.querySelectorAll("[data-i18n]").forEach((node) => {
      node.textContent = t(node.dataset.i18n);
    });
    scope.querySelectorAll("[data-i18n-attr]").forEach((node) => {
      node.dataset.i18nAttr.split(";").forEach((pair) => {
        const [attr, key] = pair.split(":");
        if (attr && key) node.setAttribute(attr.trim(), t(key.trim()));
      });
    });
    document.documentElement.lang = lang;
    const title = document.querySelector("title[data-i18n]");
    if (title) document.title = t(title.dataset.i18n);
  }

  function setLang(next) {
    if (next !== "ja" && next !== "en") return;
    lang = next;
    try {
      localStorage.setItem(LANG_KEY, next);
    } catch (_) { /* private mode: the choice lasts this page only */ }
    applyTexts();
    langListeners.forEach((fn) => fn(next));
  }

  function onLang(fn) {
    langListeners.push(fn);
  }

  /** Load the texts and pick the language (remembered, else ?lang=, else Japanese). */
  async function init() {
    const asked = new URLSearchParams(location.search).get("lang");
    lang = storedLang() || (asked === "en" ? "en" : "ja");
    for (let i = 0; i < 5; i += 1) {
      try {
        const res = await fetch("/api/strings", { cache: "no-cache" });
        if (res.ok) {
          strings = await res.json();
          break;
        }
      } catch (_) { /* the server is starting or the Wi-Fi dropped: try again */ }
      await new Promise((r) => setTimeout(r, 500 * (i + 1)));
    }
    applyTexts();
    document.body.classList.add("ready");
  }

  // ── DOM ──────────────────────────────────────────────────────────────
  /** An element: el("button", {class: "x", text: "…", on: {click: fn}, attrs: {…}}, child, …). */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    applyProps(node, props || {});
    append(node, children);
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v !== null && v !== undefined) node.setAttribute(k, String(v));
    });
    append(node, children);
    return node;
  }

  function applyProps(node, props) {
    Object.entries(props).forEach(([k, v]) => {
      if (v === null || v === undefined || v === false) return;
      if (k === "class") node.className = Array.isArray(v) ? v.filter(Boolean).join(" ") : v;
      else if (k === "text") node.textContent = v;
      else if (k === "on") Object.entries(v).forEach(([ev, fn]) => node.addEventListener(ev, fn));
      else if (k === "data") Object.entries(v).forEach(([dk, dv]) => { node.dataset[dk] = dv; });
      else if (k === "style") node.style.cssText = v;
      else if (k === "disabled" || k === "hidden" || k === "open") node[k] = Boolean(v);
      else node.setAttribute(k, v === true ? "" : String(v));
    });
  }

  function append(node, children) {
    children.flat(Infinity).forEach((c) => {
      if (c === null || c === undefined || c === false) return;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    });
  }

  /** Replace a container's children, keeping the focused control focused and open <details> open (by data-key). */
  function replace(container, ...children) {
    const active = document.activeElement;
    const key = active && container.contains(active) ? active.dataset.key : null;
    const open = [...container.querySelectorAll("details[open][data-key]")].map((d) => d.dataset.key);
    container.replaceChildren();
    append(container, children);
    open.forEach((k) => {
      const again = container.querySelector(`details[data-key="${CSS.escape(k)}"]`);
      if (again) again.open = true;
    });
    if (key) {
      const again = container.querySelector(`[data-key="${CSS.escape(key)}"]`);
      if (again && !again.disabled) again.focus({ preventScroll: true });
    }
  }

  function $(sel, root) {
    return (root || document).querySelector(sel);
  }

  /** A check mark drawn as SVG (the shipped font has no ✓), always beside words that say the same. */
  function check(cls) {
    return svg("svg", { class: `icon ${cls || ""}`, viewBox: "0 0 20 20", "aria-hidden": "true", focusable: "false" },
      svg("path", { d: "M3 10.5 8 15.5 17 4.5", fill: "none", stroke: "currentColor", "stroke-width": "3",
        "stroke-linecap": "round", "stroke-linejoin": "round" }));
  }

  // ── names, numbers and errors ────────────────────────────────────────
  function teamName(id) {
    return /^\d+$/.test(String(id)) ? t("team.number", { id }) : t("team.named", { id });
  }

  function signed(n) {
    const v = Math.round(Number(n) * 10) / 10;
    return v > 0 ? `+${v}` : v < 0 ? `−${Math.abs(v)}` : "±0";
  }

  /** A date line without the single-player game's own "turn n of 24" (the class counts its own turns). */
  function dateOnly(text) {
    return String(text || "").split(" · ")[0];
  }

  /** The window's keyboard hint ("(E)") taken off a label: pages have no such key. */
  function noKeyHint(text) {
    return String(text || "").replace(/\s*[（(][A-Z][）)]\s*$/, "");
  }

  function errorText(code, message) {
    const key = `error.${code}`;
    return has(key) ? t(key) : (message || t("error.unknown"));
  }

  // ── toasts ───────────────────────────────────────────────────────────
  function toasts() {
    let box = document.getElementById("toasts");
    if (!box) {
      box = el("div", { id: "toasts", class: "toasts", role: "status", "aria-live": "assertive" });
      document.body.append(box);
    }
    return box;
  }

  /** A message that shows for a while (click or Esc to close); kind: "error" or "info". */
  function toast(text, kind) {
    const box = toasts();
    const item = el("div", { class: ["toast", kind || "error"] },
      el("span", { class: "toast-mark", "aria-hidden": "true", text: kind === "info" ? "●" : "!" }),
      el("span", { class: "toast-text", text }),
      el("button", { class: "toast-close", type: "button", "aria-label": t("common.close"), text: "×",
        on: { click: () => item.remove() } }));
    box.append(item);
    while (box.children.length > 3) box.firstChild.remove();
    setTimeout(() => item.remove(), kind === "info" ? 4000 : 8000);
  }

  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") toasts().replaceChildren();
  });

  // ── the language switch ──────────────────────────────────────────────
  function langSwitch(container) {
    const group = el("div", { class: "lang-switch", role: "group", "aria-label": "言語 / Language" });
    const make = (code, label) => el("button", {
      type: "button", class: "lang-btn", lang: code, text: label, "aria-pressed": String(lang === code),
      data: { lang: code }, on: { click: () => setLang(code) },
    });
    group.append(make("ja", "日本語"), make("en", "English"));
    onLang((now) => group.querySelectorAll("button").forEach((b) => b.setAttribute("aria-pressed",
      String(b.dataset.lang === now))));
    container.append(group);
    return group;
  }

  // ── the WebSocket ────────────────────────────────────────────────────
  /**
   * One connection that comes back by itself: after a dropped Wi-Fi, a sleeping tablet or a restarted
   * server it reconnects (waiting longer each time, at most 5 s) and says hello again.
   * opts: hello() → the hello message; state(msg); error(msg); status(connected: bool);
   * refused(msg) → true when a refused hello means "stop trying" (a seat that is gone, a wrong code).
   */
  function connect(opts) {
    let ws = null;
    let tries = 0;
    let timer = null;
    let stopped = false;
    let greeted = false;

    function url() {
      return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws`;
    }

    function open() {
      clearTimeout(timer);
      timer = null;
      if (stopped) return;
      greeted = false;
      const sock = new WebSocket(url());
      ws = sock;
      sock.onopen = () => {
        sock.send(JSON.stringify(opts.hello()));
      };
      sock.onmessage = (e) => {
        if (sock !== ws) return;
        let msg;
        try {
          msg = JSON.parse(e.data);
        } catch (_) {
          return;
        }
        if (msg.type === "state") {
          if (!greeted) {
            greeted = true;
            tries = 0;
            opts.status(true);
          }
          opts.state(msg);
        } else if (msg.type === "error") {
          if (!greeted && opts.refused && opts.refused(msg)) {
            stopped = true;
            return;
          }
          opts.error(msg);
        }
      };
      sock.onclose = () => {
        if (sock !== ws) return;
        ws = null;
        opts.status(false);
        schedule();
      };
      sock.onerror = () => { /* onclose follows */ };
    }

    function schedule() {
      if (stopped || timer) return;
      const wait = Math.min(5000, 400 * 2 ** tries) + Math.random() * 300;
      tries += 1;
      timer = setTimeout(open, wait);
    }

    function now() {
      if (stopped) return;
      if (!ws || ws.readyState > 1) {
        tries = 0;
        open();
      }
    }

    window.addEventListener("online", now);
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") now();
    });
    open();

    return {
      /** Send a message; false (and nothing sent) while disconnected. */
      send(msg) {
        if (!ws || ws.readyState !== 1 || !greeted) return false;
        ws.send(JSON.stringify(msg));
        return true;
      },
      /** Say hello again (a projector changing language: it may not send "lang"). */
      restart() {
        stopped = false;
        const old = ws;
        ws = null;
        if (old) old.close();
        tries = 0;
        open();
      },
      stop() {
        stopped = true;
        clearTimeout(timer);
        if (ws) ws.close();
      },
      get connected() {
        return Boolean(ws && ws.readyState === 1 && greeted);
      },
    };
  }

  /** The banner shown while the connection is down (after a short grace, so a blink is not a fright). */
  function connectionBanner() {
    const bar = el("div", { class: "conn-banner", role: "status", hidden: true },
      el("span", { class: "spinner", "aria-hidden": "true" }), el("span", { "data-i18n": "common.reconnecting" }));
    bar.lastChild.textContent = t("common.reconnecting");
    document.body.append(bar);
    let waiting = null;
    return (up) => {
      clearTimeout(waiting);
      if (up) {
        bar.hidden = true;
        document.body.classList.remove("offline");
      } else {
        waiting = setTimeout(() => {
          bar.hidden = false;
          document.body.classList.add("offline");
        }, 800);
      }
    };
  }

  // ── the clock ────────────────────────────────────────────────────────
  function mmss(seconds) {
    const s = Math.max(0, Math.ceil(seconds));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  }

  /** A countdown shown in node: set(remaining, status) on each state message; it ticks by itself. */
  function clock(node) {
    let deadline = null;
    let frozen = null;
    function draw() {
      let left = null;
      if (deadline !== null) left = Math.max(0, (deadline - performance.now()) / 1000);
      else if (frozen !== null) left = frozen;
      node.textContent = left === null ? "–:––" : mmss(left);
      node.classList.toggle("low", left !== null && left <= 30);
      node.classList.toggle("out", left !== null && left <= 0.5);
      node.classList.toggle("frozen", frozen !== null);
      node.classList.toggle("idle", left === null);
    }
    setInterval(draw, 250);
    return {
      set(remaining, status) {
        if (remaining === null || remaining === undefined) {
          deadline = null;
          frozen = null;
        } else if (status === "open") {
          deadline = performance.now() + remaining * 1000;
          frozen = null;
        } else {
          deadline = null;
          frozen = remaining;
        }
        draw();
      },
    };
  }

  // ── the map ──────────────────────────────────────────────────────────
  let mapData = null;

  async function loadMap() {
    if (mapData) return mapData;
    for (let i = 0; i < 4 && !mapData; i += 1) {
      try {
        const res = await fetch("/api/map");
        if (res.ok) mapData = await res.json();
      } catch (_) {
        await new Promise((r) => setTimeout(r, 700));
      }
    }
    return mapData;
  }

  function textWidth(text, size) {
    let w = 0;
    for (const ch of text) w += ch.codePointAt(0) > 0x2e80 ? 1 : 0.6;
    return w * size;
  }

  /**
   * The map, drawn once into container; returns update({fill: {actor: colour}, label: {actor: text},
   * player: text}). Labels keep a steady size on screen (px) however large the map is drawn, and a label
   * that would cover another is left out (every page also lists the actors in words).
   */
  function mapView(container, opts) {
    const px = (opts && opts.px) || 13;
    const root = svg("svg", { class: "map", viewBox: "0 0 960 560", role: "img", preserveAspectRatio: "xMidYMid meet" });
    const title = svg("title", {});
    root.append(title, svg("defs", {},
      svg("pattern", { id: `hatch-${container.id || "m"}`, width: 8, height: 8, patternUnits: "userSpaceOnUse",
        patternTransform: "rotate(45)" }, svg("line", { x1: 0, y1: 0, x2: 0, y2: 8, stroke: "#6b6f75", "stroke-width": 3 }))));
    root.append(svg("rect", { x: 0, y: 0, width: 960, height: 560, class: "sea" }));
    const land = svg("g", { class: "land" });
    const labels = svg("g", { class: "labels" });
    root.append(land, labels);
    container.replaceChildren(root);
    const shapes = {};
    let data = null;
    let last = null;

    loadMap().then((d) => {
      if (!d) return;
      data = d;
      d.shapes.forEach((s) => {
        const cls = s.actor === d.player ? "shape player" : s.actor ? "shape actor" : "shape other";
        const path = svg("path", { d: s.d, class: cls });
        if (s.disputed) {
          path.setAttribute("fill", `url(#hatch-${container.id || "m"})`);
          path.setAttribute("class", "shape disputed");
        }
        land.append(path);
        if (s.actor) (shapes[s.actor] = shapes[s.actor] || []).push(path);
      });
      if (last) update(last);
    });

    function scale() {
      const w = root.getBoundingClientRect().width;
      return w > 0 ? 960 / w : 2;
    }

    function update(u) {
      last = u;
      if (!data) return;
      title.textContent = u.title || "";
      Object.entries(shapes).forEach(([actor, paths]) => {
        const fill = actor === data.player ? null : (u.fill || {})[actor];
        paths.forEach((p) => {
          if (fill) p.style.fill = fill;
        });
      });
      const size = px * scale();
      const boxes = [];
      const items = [];
      if (u.player && data.player_at) items.push({ at: data.player_at, text: u.player, player: true });
      Object.entries(u.label || {}).forEach(([actor, text]) => {
        const at = data.anchors[actor];
        if (at) items.push({ at, text });
      });
      labels.replaceChildren();
      items.forEach((it) => {
        const w = textWidth(it.text, size);
        const h = size * 1.2;
        const [x, y] = it.at;
        const tries = [[x + size * 0.5, y + h * 0.35, "start"], [x - size * 0.5, y + h * 0.35, "end"],
          [x, y - size * 0.7, "middle"], [x, y + h * 1.1, "middle"], [x + size * 0.4, y - size * 0.5, "start"],
          [x - size * 0.4, y - size * 0.5, "end"], [x + size * 0.4, y + h * 0.95, "start"], [x - size * 0.4, y + h * 0.95, "end"]];
        const fit = tries.map(([tx, ty, anchor]) => {
          const left = anchor === "start" ? tx : anchor === "end" ? tx - w : tx - w / 2;
          return { tx, ty, anchor, box: [left, ty - h * 0.85, left + w, ty + h * 0.15] };
        }).find((c) => c.box[0] >= 0 && c.box[2] <= 960 && c.box[1] >= 0 && c.box[3] <= 560
          && !boxes.some((b) => c.box[0] < b[2] && c.box[2] > b[0] && c.box[1] < b[3] && c.box[3] > b[1]));
        labels.append(svg("circle", { cx: x, cy: y, r: size * 0.28, class: it.player ? "dot player" : "dot" }));
        if (!fit) return;
        boxes.push(fit.box);
        const text = svg("text", { x: fit.tx, y: fit.ty, "text-anchor": fit.anchor, "font-size": size.toFixed(1),
          class: it.player ? "label player" : "label" });
        text.textContent = it.text;
        labels.append(text);
      });
    }

    if (window.ResizeObserver) {
      let prev = 0;
      new ResizeObserver(() => {
        const w = root.getBoundingClientRect().width;
        if (last && Math.abs(w - prev) > 20) {
          prev = w;
          update(last);
        }
      }).observe(root);
    }
    return update;
  }

  // ── small shared pieces ──────────────────────────────────────────────
  /** A meter as a labelled bar: name, value, trend arrow with its number. */
  function meterBar(m, opts) {
    const trend = Number(m.trend || 0);
    const arrow = trend > 0 ? "▲" : trend < 0 ? "▼" : "";
    return el("div", { class: ["meter", m.value <= 20 ? "danger" : ""], title: m.desc || null },
      el("div", { class: "meter-head" },
        el("span", { class: "meter-name", text: m.name }),
        el("span", { class: "meter-value", text: String(m.value) }),
        opts && opts.noTrend ? null : el("span", {
          class: ["trend", trend > 0 ? "up" : trend < 0 ? "down" : "flat"],
          text: trend ? `${arrow}${signed(trend)}` : "±0",
          "aria-label": t("hud.trend", { n: signed(trend) }),
        })),
      el("div", { class: "bar", role: "meter", "aria-valuemin": "0", "aria-valuemax": "100",
        "aria-valuenow": String(m.value), "aria-label": m.name },
      el("div", { class: "fill", style: `width:${Math.max(0, Math.min(100, m.value))}%;background:${m.colour || "#0072b2"}` })));
  }

  /** Team colours and line styles for charts: Okabe–Ito, with a dash pattern each so colour is never alone. */
  const TEAM_COLOURS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#8c6d1f"];
  const TEAM_DASHES = ["", "10 6", "3 5", "14 5 3 5", "6 3", "2 3", "12 3 3 3 3 3", "8 8"];

  return {
    t, has, init, setLang, onLang, applyTexts, get lang() { return lang; },
    el, svg, replace, $, check, teamName, signed, dateOnly, noKeyHint, errorText, toast, langSwitch,
    connect, connectionBanner, clock, mmss, mapView, loadMap, meterBar, TEAM_COLOURS, TEAM_DASHES,
  };
})();
