// Small enhancements over the server-rendered pages; everything works without them.
(function () {
  "use strict";

  function threadNearBottom() {
    return window.innerHeight + window.scrollY >= document.body.scrollHeight - 160;
  }

  function scrollThreadToEnd() {
    var thread = document.getElementById("thread");
    if (thread) {
      thread.scrollIntoView({block: "end"});
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (document.getElementById("thread") && !location.hash) {
      scrollThreadToEnd();
    }
  });

  // keep the newest message in view when one arrives, unless the person scrolled up to read
  var wasNearBottom = true;
  document.addEventListener("htmx:beforeSwap", function () {
    wasNearBottom = threadNearBottom();
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    if (target && target.id === "thread" && wasNearBottom) {
      scrollThreadToEnd();
    }
    if (target && target.id === "composer") {
      // after a reply link or a template choice, the keyboard continues in the composer
      var field = document.querySelector("#composer textarea, #composer input[data-testid=template-param], #composer select");
      if (field && event.detail.requestConfig && event.detail.requestConfig.verb === "get") {
        field.focus();
      }
    }
  });

  // "/" jumps to the search box; Ctrl+Enter (Cmd+Enter) sends the composer
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement && document.activeElement.tagName);
    if (event.key === "/" && !typing) {
      var search = document.querySelector("[data-shortcut='/']");
      if (search) {
        event.preventDefault();
        search.focus();
      }
    }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && document.activeElement
        && document.activeElement.dataset.submitOn === "ctrl-enter") {
      event.preventDefault();
      document.activeElement.form.requestSubmit();
    }
  });

  // the "skip to the composer" link lands in the text box itself
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href='#composer-focus']");
    if (link) {
      var field = document.querySelector("#composer textarea, #composer select");
      if (field) {
        event.preventDefault();
        field.focus();
      }
    }
  });
})();
