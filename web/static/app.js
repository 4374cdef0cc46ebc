// Render every chart on the page with the vendored vega-embed (SVG: crisp, and testable in the DOM).
document.querySelectorAll("[data-chart]").forEach((el) => {
  const spec = JSON.parse(document.getElementById(el.dataset.chart).textContent);
  vegaEmbed(el, spec, { actions: false, renderer: "svg" })
    .then(() => el.setAttribute("data-rendered", "true"))
    .catch((err) => { el.textContent = "แสดงแผนภูมิไม่ได้: " + err; });
});
// Remember the reviewer's name between corrections (it is only a label on the correction).
document.querySelectorAll("input[name=author]").forEach((el) => {
  if (!el.value) el.value = localStorage.getItem("saraban-author") || "";
  el.form.addEventListener("submit", () => localStorage.setItem("saraban-author", el.value));
});
