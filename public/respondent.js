// Enhances the survey form rendered by lib/responses/respondent-html.tsx: inline validation, progress,
// JSON send with retries under one idempotency key, thank-you state, and a local "already answered"
// marker and draft of unsent answers that never leave this browser. Plain ES2019, no build step;
// without it the form still posts.
(function () {
  "use strict";
  var form = document.querySelector("form[data-token]");
  if (!form || !window.fetch) return;
  var token = form.getAttribute("data-token");
  var marker = "dxp-answered:" + form.getAttribute("data-survey");
  var keyInput = form.elements.namedItem("idempotencyKey");
  var questions = [].slice.call(form.querySelectorAll("[data-question]"));
  var progress = form.querySelector("progress");
  var progressText = form.querySelector("[data-progress-text]");
  var button = form.querySelector("button[type=submit]");
  var buttonLabel = button.textContent;
  var notice = form.querySelector("[data-answered]");
  var restored = form.querySelector("[data-restored]");
  var draft = "dxp-draft:" + token;
  var formError = null;
  var sending = false;

  function safely(fn) {
    try {
      return fn();
    } catch {
      return null;
    }
  }
  function limitOf(q) {
    return Number(q.getAttribute("data-max") || 1000);
  }
  function valueOf(q) {
    var kind = q.getAttribute("data-kind");
    if (kind === "free_text") return q.querySelector("textarea").value;
    var checked = [].map.call(q.querySelectorAll("input:checked"), function (i) {
      return i.value;
    });
    if (kind === "multiple_choice") return checked;
    if (!checked.length) return undefined;
    return kind === "likert" || kind === "nps" ? Number(checked[0]) : checked[0];
  }
  function isAnswered(v) {
    if (v === undefined) return false;
    if (typeof v === "string") return v.trim() !== "";
    return Array.isArray(v) ? v.length > 0 : true;
  }
  function check(q, v) {
    if (!isAnswered(v)) return q.hasAttribute("data-required") ? "This question needs an answer" : null;
    if (typeof v === "string" && v.trim().length > limitOf(q))
      return "Keep the answer under " + limitOf(q) + " characters";
    return null;
  }

  // One error line per question, announced through aria-describedby on the group or the textarea.
  function setError(q, message) {
    var id = "q-" + q.getAttribute("data-question") + "-error";
    var line = document.getElementById(id);
    var target = q.querySelector("textarea") || q;
    var ids = (target.getAttribute("aria-describedby") || "").split(" ").filter(function (x) {
      return x && x !== id;
    });
    q.classList.toggle("q-invalid", !!message);
    if (message) {
      if (!line) {
        line = document.createElement("p");
        line.className = "field-error";
        line.id = id;
        q.appendChild(line);
      }
      line.textContent = message;
      ids.push(id);
    } else if (line) line.remove();
    if (ids.length) target.setAttribute("aria-describedby", ids.join(" "));
    else target.removeAttribute("aria-describedby");
    if (target !== q) {
      if (message) target.setAttribute("aria-invalid", "true");
      else target.removeAttribute("aria-invalid");
    }
  }
  function showFormError(message) {
    if (formError) formError.remove();
    formError = null;
    if (!message) return;
    formError = document.createElement("div");
    formError.className = "alert alert-error";
    formError.setAttribute("role", "alert");
    formError.textContent = message;
    button.parentNode.before(formError);
  }
  function focusQuestion(q) {
    q.querySelector("input, textarea").focus();
  }
  function update(q) {
    var count = q && q.querySelector("[data-count]");
    if (count) count.textContent = valueOf(q).length + " / " + limitOf(q) + " characters";
    var n = answered().length;
    progressText.textContent = n + " of " + questions.length + " answered";
    progress.value = n;
    progress.hidden = false;
  }
  function idOf(q) {
    return q.getAttribute("data-question");
  }
  function answered() {
    return questions.filter(function (x) {
      return isAnswered(valueOf(x));
    });
  }
  function store(value) {
    safely(function () {
      if (value) localStorage.setItem(draft, JSON.stringify(value));
      else localStorage.removeItem(draft);
    });
  }
  // Kept until sent, "Start again", 7 days after the last edit or the survey's last day.
  function save() {
    var a = {};
    answered().forEach(function (q) {
      a[idOf(q)] = valueOf(q);
    });
    store(
      Object.keys(a).length && {
        e: Math.min(Date.now() + 6048e5, Date.parse(form.getAttribute("data-closes")) + 864e5 || 1e15),
        a: a,
      },
    );
  }
  function onEdit(event) {
    var q = event.target.closest("[data-question]");
    if (q && q.classList.contains("q-invalid")) setError(q, check(q, valueOf(q)));
    update(q);
    save();
  }
  function randomKey() {
    return [].map
      .call(crypto.getRandomValues(new Uint8Array(18)), function (b) {
        return (b < 16 ? "0" : "") + b.toString(16);
      })
      .join("");
  }
  function setSending(on) {
    sending = on;
    button.disabled = on;
    button.textContent = on ? "Sending\u2026" : buttonLabel;
  }
  function thank() {
    safely(function () {
      localStorage.setItem(marker, "1");
    });
    store();
    var section = document.createElement("section");
    section.className = "card respondent-thanks";
    section.setAttribute("aria-labelledby", "thanks-heading");
    section.innerHTML =
      '<h2 id="thanks-heading" tabindex="-1">Thank you \u2014 your answers are in</h2>' +
      '<p>Nothing that identifies you was stored with them. The platform team reads every comment and shares what it will fix next in <a class="text-link" href="/you-said">You said, we did</a>.</p>' +
      '<p class="muted small">You can close this page now.</p>';
    var stale = document.querySelector("[data-send-error]");
    if (stale) stale.remove();
    form.replaceWith(section);
    section.firstChild.focus();
  }
  // Field errors come keyed by the index in the answers we sent: "answers.3.value".
  function showServerErrors(data, answers) {
    var error = (data && data.error) || {};
    var first = null;
    questions.forEach(function (q) {
      setError(q, null);
    });
    Object.keys(error.fieldErrors || {}).forEach(function (path) {
      var match = /^answers\.(\d+)\./.exec(path);
      var answer = match && answers[Number(match[1])];
      var q = answer && form.querySelector('[data-question="' + answer.questionId + '"]');
      var messages = error.fieldErrors[path];
      if (!q || !messages || !messages[0] || q.classList.contains("q-invalid")) return;
      setError(q, messages[0]);
      if (!first || questions.indexOf(q) < questions.indexOf(first)) first = q;
    });
    showFormError(
      first
        ? "Some answers need your attention."
        : error.message || "Something went wrong on our side. Please try again.",
    );
    if (first) focusQuestion(first);
  }
  // Network failures and 503s are retried with the same idempotency key, so a send that did arrive counts once.
  function send(answers, attempt) {
    var retry = function () {
      return new Promise(function (resolve) {
        setTimeout(resolve, 1000 * (attempt + 1));
      }).then(function () {
        return send(answers, attempt + 1);
      });
    };
    return fetch(form.getAttribute("data-api"), {
      method: "POST",
      credentials: "omit",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ idempotencyKey: keyInput.value, answers: answers }),
    }).then(
      function (response) {
        if (response.status === 503 && attempt < 2) return retry();
        if (response.ok) return thank();
        return response
          .json()
          .catch(function () {
            return null;
          })
          .then(function (data) {
            setSending(false);
            showServerErrors(data, answers);
          });
      },
      function () {
        if (attempt < 2) return retry();
        setSending(false);
        showFormError("We couldn\u2019t reach the server. Your answers are still here \u2014 please try again.");
      },
    );
  }

  form.addEventListener("input", onEdit);
  form.addEventListener("change", onEdit);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (sending) return;
    var invalid = questions.filter(function (q) {
      var message = check(q, valueOf(q));
      setError(q, message);
      return message;
    });
    if (invalid.length) {
      showFormError(
        invalid.length === 1
          ? "One question needs your attention."
          : invalid.length + " questions need your attention.",
      );
      focusQuestion(invalid[0]);
      return;
    }
    var answers = [];
    questions.forEach(function (q) {
      var v = valueOf(q);
      if (isAnswered(v)) answers.push({ questionId: idOf(q), value: v });
    });
    showFormError(null);
    setSending(true);
    send(answers, 0);
  });

  if (
    safely(function () {
      return localStorage.getItem(marker);
    })
  ) {
    notice.hidden = false;
    notice.querySelector("[data-dismiss]").addEventListener("click", function () {
      // Someone else on this device: a fresh key so their answers are not taken for a retry of the first.
      keyInput.value = randomKey();
      notice.hidden = true;
      if (questions[0]) focusQuestion(questions[0]);
    });
  }
  // A draft fills only an empty form (answers the server sent back stay).
  safely(function () {
    var d = JSON.parse(localStorage.getItem(draft));
    if (!(d.e > Date.now())) return store();
    if (answered().length) return;
    questions.forEach(function (q) {
      var v = d.a[idOf(q)];
      var text = q.querySelector("textarea");
      if (text) text.value = v || "";
      else
        [].forEach.call(q.querySelectorAll("input"), function (i) {
          i.checked = [].concat(v).map(String).indexOf(i.value) > -1;
        });
    });
    restored.hidden = false;
  });
  restored.querySelector("button").addEventListener("click", function () {
    store();
    form.reset();
    restored.hidden = true;
    showFormError(null);
    questions.forEach(function (q) {
      setError(q, null);
      update(q);
    });
    if (questions[0]) focusQuestion(questions[0]);
  });
  questions.forEach(update);
  if (!questions.length) update(null);
})();
