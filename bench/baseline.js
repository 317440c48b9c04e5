// The baseline page's script: reads the app's token from sessionStorage, fetches the current
// user and one page of the bank's customers in parallel, and builds the app's customer table
// (same columns, same text) with DOM calls only; API values are set as text.
"use strict";

const API = "/obp/v5.1.0";
const BANK_ID = "gh.29.uk";
const token = sessionStorage.getItem("customer-console.token");
const limit = new URLSearchParams(location.search).get("limit") || "50";

function get(path) {
  return fetch(API + path, {
    headers: { DirectLogin: "token=" + token, Accept: "application/json" },
  }).then((response) => {
    if (!response.ok) throw new Error("GET " + path + ": " + response.status);
    return response.json();
  });
}

// The day of an OBP date, or an em dash when unset (OBP's placeholder year 1100 included).
function day(value) {
  const found = /^(\d{4})-\d{2}-\d{2}/.exec(value || "");
  return found && found[1] !== "1100" ? found[0] : "\u2014";
}

function cell(row, label, text, className) {
  const td = row.insertCell();
  td.dataset.label = label;
  if (className) td.className = className;
  if (text !== undefined) td.textContent = text;
  return td;
}

function table(customers) {
  const table = document.createElement("table");
  table.className = "data-table";
  const head = table.createTHead().insertRow();
  for (const heading of ["Customer number", "Legal name", "Email", "Mobile phone",
                         "Date of birth", "Branch", "KYC"]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = heading;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const c of customers) {
    const row = body.insertRow();
    cell(row, "Customer number", c.customer_number, "mono");
    const link = document.createElement("a");
    link.href = "/customers/" + encodeURIComponent(c.customer_id);
    link.textContent = c.legal_name;
    cell(row, "Legal name").appendChild(link);
    cell(row, "Email", c.email, "col-optional");
    cell(row, "Mobile phone", c.mobile_phone_number, "mono");
    cell(row, "Date of birth", day(c.date_of_birth), "col-optional nowrap");
    cell(row, "Branch", c.branch_id, "col-optional");
    const badge = document.createElement("span");
    badge.className = c.kyc_status ? "badge badge-ok" : "badge badge-warn";
    badge.textContent = c.kyc_status ? "KYC OK" : "KYC pending";
    cell(row, "KYC").appendChild(badge);
  }
  return table;
}

const customersPath = "/banks/" + BANK_ID + "/customers?limit=" + encodeURIComponent(limit) +
  "&offset=0&sort_direction=DESC";
Promise.all([get("/users/current"), get(customersPath)]).then(
  ([user, list]) => {
    document.getElementById("user").textContent = "Signed in as " + user.username;
    document.getElementById("status").replaceWith(table(list.customers));
  },
  (error) => {
    document.getElementById("status").textContent = String(error);
  },
);
