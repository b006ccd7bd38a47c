// Runs before textual-serve's page script. textual.js builds its terminal as
// `this.terminal = new Terminal(...)` inside a bundle that exposes nothing, so
// a setter on Object.prototype catches the first object with loadAddon that is
// assigned to a `terminal` property, then steps aside (an own property).
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    if (!window.__studytuiTerm && value && typeof value.loadAddon === "function") {
      window.__studytuiTerm = value;
    }
    Object.defineProperty(this, "terminal", {
      value, writable: true, configurable: true, enumerable: true,
    });
  },
});

// xterm draws on a canvas: the text is read from its buffer, row by row.
window.__studytuiScreen = () => {
  const term = window.__studytuiTerm;
  if (!term) return "";
  const buffer = term.buffer.active;
  const rows = [];
  for (let i = 0; i < term.rows; i++) {
    const line = buffer.getLine(buffer.viewportY + i);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\n");
};
