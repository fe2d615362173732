// The review page's few behaviours htmx does not cover: keyboard shortcuts, keeping the
// selected claim marked in the text, and turning a text selection into a new claim.
"use strict";

(function () {
  const TYPING = "input, textarea, select, [contenteditable]";

  // A key names an element by its data-shortcut; pressing it clicks that element.
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest && event.target.closest(TYPING)) return;
    if (event.key === "a") {
      if (openAddClaim()) event.preventDefault();
      return;
    }
    const target = document.querySelector('#panel [data-shortcut="' + event.key + '"]');
    if (target) {
      event.preventDefault();
      target.click();
    }
  });

  function markSelected() {
    const panel = document.querySelector("#panel [data-claim]");
    document.querySelectorAll("mark.claim.selected").forEach(function (mark) {
      mark.classList.remove("selected");
    });
    if (!panel) return;
    const mark = document.getElementById("text-" + panel.dataset.claim);
    if (mark) mark.classList.add("selected");
  }

  // After htmx swaps a new claim in, move the focus to it so keyboard and screen-reader
  // users land where the content changed, and keep its mark highlighted in the text.
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.target.id !== "panel") return;
    markSelected();
    const heading = document.getElementById("panel-heading");
    const typing = document.activeElement && document.activeElement.closest(TYPING);
    if (heading && !typing) heading.focus({ preventScroll: true });
    const panel = document.getElementById("panel");
    if (panel.getBoundingClientRect().top < 0 || window.innerWidth < 900) {
      panel.scrollIntoView({ block: "start" });
    }
  });

  // Offsets in the article body are counted in code points, as Python counts them.
  function codePoints(text) {
    return Array.from(text).length;
  }

  function offsetOf(node, offset) {
    const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    const holder = element && element.closest("#article-body [data-start]");
    if (!holder) return null;
    const before = node.nodeType === Node.TEXT_NODE ? node.data.slice(0, offset) : "";
    return Number(holder.dataset.start) + codePoints(before);
  }

  // The selected text in the article and where it starts, or null.
  function articleSelection() {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
    const range = selection.getRangeAt(0);
    const body = document.getElementById("article-body");
    if (!body || !body.contains(range.commonAncestorContainer)) return null;
    const text = selection.toString().trim();
    if (!text) return null;
    const start = offsetOf(range.startContainer, range.startOffset);
    const leading = selection.toString().length - selection.toString().trimStart().length;
    return { text: text, start: start === null ? null : start + leading };
  }

  // Copy the selected text into the add-claim form and open it; false when nothing is selected.
  function fillAddClaim() {
    const picked = articleSelection();
    const box = document.getElementById("add-claim");
    if (!picked || !box) return false;
    box.querySelector('[name="new-text"]').value = picked.text;
    box.querySelector('[name="new-start"]').value = picked.start === null ? "" : picked.start;
    box.open = true;
    return true;
  }

  function openAddClaim() {
    if (!fillAddClaim()) return false;
    const box = document.getElementById("add-claim");
    box.scrollIntoView({ block: "nearest" });
    box.querySelector('[name="new-source"]').focus();
    return true;
  }

  document.addEventListener("mouseup", function (event) {
    if (event.target.closest && event.target.closest("#article-body")) fillAddClaim();
  });
})();
