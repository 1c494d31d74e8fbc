#!/usr/bin/env node
// Validates exoscreen's FHIR R4 output and exits 1 on any error.
//
//   node validate.js [--questionnaire Q.json] FILE...
//
// Each FILE holds one FHIR resource (JSON) or several, one a line (NDJSON, as
// `exoscreen evaluate --format fhir` writes a batch). Every resource goes through:
//
//  1. FHIR.js (npm "fhir"): the R4 structure definitions: unknown properties, cardinality,
//     data types, required value set bindings.
//  2. The R4 invariants of the resource types exoscreen writes (que-*, qrs-*, bdl-*, ras-*,
//     dom-*, ext-1, pat-1), evaluated with the FHIRPath engine (npm "fhirpath", R4 model).
//  3. FHIR JSON rules FHIR.js does not check: no empty strings, arrays or objects, no nulls,
//     ids, uris, dates and instants of the right form, one value[x] per answer, extensions
//     with a url and either a value or extensions, no control characters in strings.
//  4. Bundles: every urn:uuid reference resolves to an entry; with --questionnaire, every
//     QuestionnaireResponse is checked against the Questionnaire: the canonical and version,
//     the item tree, answer types and options, integer bounds, "not sure" only where the
//     item allows it, required items answered, and an item present exactly when its
//     enableWhen / enableBehavior enable it. The RiskAssessment must have one prediction per
//     answered item and a verdict that is the strictest class.
//
// Prints one line per problem (file:record: resource path: message) and a summary line.
'use strict';

const fs = require('fs');
const { Fhir } = require('fhir');
const fhirpath = require('fhirpath');
const r4 = require('fhirpath/fhir-context/r4');

const fhir = new Fhir();

// R4 invariants, as published in the R4 (4.0.1) structure definitions; que-12 counts from two
// enableWhen as its human text says (R4's expression says three, corrected in R4B).
const INVARIANTS = {
  '*': [
    ['dom-2', 'contained.contained.empty()'],
    ['dom-4', 'contained.meta.versionId.empty() and contained.meta.lastUpdated.empty()'],
    ['dom-5', 'contained.meta.security.empty()'],
  ],
  Questionnaire: [
    ['que-2', 'descendants().linkId.isDistinct()'],
    ['que-0', "name.exists() implies name.matches('^[A-Z]([A-Za-z0-9_]){0,254}$')"],
    ['que-1', "repeat(item).all((type='group' implies item.empty().not()) and (type='display' implies item.empty()))"],
    ['que-3', "repeat(item).all(type!='display' or code.empty())"],
    ['que-4', 'repeat(item).all(answerOption.empty() or answerValueSet.empty())'],
    ['que-5', "repeat(item).all((type ='choice' or type = 'open-choice' or type = 'decimal' or type = 'integer' or type = 'date' or type = 'dateTime' or type = 'time' or type = 'string' or type = 'quantity') or (answerValueSet.empty() and answerOption.empty()))"],
    ['que-6', "repeat(item).all(type!='display' or (required.empty() and repeats.empty()))"],
    ['que-7', "repeat(item).enableWhen.all(operator = 'exists' implies (answer is boolean))"],
    ['que-8', "repeat(item).all((type!='group' and type!='display') or initial.empty())"],
    ['que-9', "repeat(item).all(type!='display' or readOnly.empty())"],
    ['que-10', "repeat(item).all((type in ('boolean' | 'decimal' | 'integer' | 'string' | 'text' | 'url' | 'open-choice')) or maxLength.empty())"],
    ['que-11', 'repeat(item).all(answerOption.empty() or initial.empty())'],
    ['que-12', 'repeat(item).all(enableWhen.count() > 1 implies enableBehavior.exists())'],
    ['que-13', 'repeat(item).all(repeats=true or initial.count() <= 1)'],
  ],
  QuestionnaireResponse: [
    ['qrs-1', 'repeat(answer|item).all((answer.exists() and item.exists()).not())'],
    ['qrs-2', 'repeat(answer|item).select(item.where(answer.value.exists()).linkId.isDistinct()).allTrue()'],
  ],
  Bundle: [
    ['bdl-1', "total.empty() or (type = 'searchset') or (type = 'history')"],
    ['bdl-2', "entry.search.empty() or (type = 'searchset')"],
    ['bdl-3', "entry.request.empty() or type = 'batch' or type = 'transaction' or type = 'history'"],
    ['bdl-4', "entry.response.empty() or type = 'batch-response' or type = 'transaction-response' or type = 'history'"],
    ['bdl-5', 'entry.all(resource.exists() or request.exists() or response.exists())'],
    ['bdl-7', "(type = 'history') or entry.where(fullUrl.exists()).select(fullUrl&iif(resource.meta.versionId.exists(), resource.meta.versionId, '')).isDistinct()"],
    ['bdl-8', "entry.all(fullUrl.exists() implies fullUrl.contains('/_history/').not())"],
    ['bdl-9', "type = 'document' implies (identifier.system.exists() and identifier.value.exists())"],
    ['bdl-10', "type = 'document' implies (timestamp.hasValue())"],
    ['bdl-11', "type = 'document' implies entry.first().resource.is(Composition)"],
    ['bdl-12', "type = 'message' implies entry.first().resource.is(MessageHeader)"],
  ],
  RiskAssessment: [
    ['ras-2', 'prediction.all(probability.exists() implies ((probability is decimal) implies (probability as decimal) <= 100))'],
  ],
  Patient: [
    ['pat-1', 'contact.all(name.exists() or telecom.exists() or address.exists() or organization.exists())'],
  ],
  OperationOutcome: [],
};

const ID_RE = /^[A-Za-z0-9\-.]{1,64}$/;
const UUID_URN_RE = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DATETIME_RE = /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$/;
const INSTANT_RE = /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))$/;
const DATE_RE = /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?$/;
const DATETIME_KEYS = new Set(['authored', 'occurrenceDateTime', 'date']);
const INSTANT_KEYS = new Set(['timestamp', 'lastUpdated']);
const DATE_KEYS = new Set(['birthDate']);
const URI_KEYS = new Set(['url', 'system', 'fullUrl', 'questionnaire']);
const DATA_ABSENT = 'http://hl7.org/fhir/StructureDefinition/data-absent-reason';
const MIN_VALUE = 'http://hl7.org/fhir/StructureDefinition/minValue';
const MAX_VALUE = 'http://hl7.org/fhir/StructureDefinition/maxValue';

class Report {
  constructor() { this.errors = 0; this.warnings = 0; this.resources = 0; }
  error(where, msg) { this.errors++; console.log(`${where}: error: ${msg}`); }
  warn(where, msg) { this.warnings++; if (process.env.FHIR_VALIDATE_VERBOSE) console.log(`${where}: warning: ${msg}`); }
}

// jsonRules walks a resource for the FHIR JSON rules FHIR.js does not enforce.
function jsonRules(node, path, rep, where) {
  if (node === null) { rep.error(where, `${path}: null is not allowed`); return; }
  if (Array.isArray(node)) {
    if (node.length === 0) rep.error(where, `${path}: empty array`);
    node.forEach((v, i) => jsonRules(v, `${path}[${i}]`, rep, where));
    return;
  }
  if (typeof node === 'string') {
    if (node === '') rep.error(where, `${path}: empty string`);
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(node)) rep.error(where, `${path}: control character in a string`);
    if (node.trim() !== node) rep.warn(where, `${path}: leading or trailing white space`);
    return;
  }
  if (typeof node !== 'object') return;
  const keys = Object.keys(node);
  if (keys.length === 0) rep.error(where, `${path}: empty object`);
  const values = keys.filter((k) => /^value[A-Z]/.test(k) || /^_value[A-Z]/.test(k)).map((k) => k.replace(/^_/, ''));
  if (new Set(values).size > 1) rep.error(where, `${path}: more than one value[x]`);
  for (const k of keys) {
    const v = node[k];
    const p = `${path}.${k}`;
    if (k === 'id' && typeof v === 'string' && !ID_RE.test(v)) rep.error(where, `${p}: "${v}" is not a FHIR id`);
    if (URI_KEYS.has(k) && typeof v === 'string') {
      if (/\s/.test(v)) rep.error(where, `${p}: uri with white space`);
      else if (!/^[a-z][a-z0-9+.-]*:/.test(v) && k !== 'url') rep.error(where, `${p}: "${v}" is not an absolute uri`);
      if (v.startsWith('urn:uuid:') && !UUID_URN_RE.test(v.split('|')[0])) rep.error(where, `${p}: "${v}" is not a lower-case urn:uuid`);
    }
    if (DATETIME_KEYS.has(k) && typeof v === 'string' && !DATETIME_RE.test(v)) rep.error(where, `${p}: "${v}" is not a dateTime`);
    if (INSTANT_KEYS.has(k) && typeof v === 'string' && !INSTANT_RE.test(v)) rep.error(where, `${p}: "${v}" is not an instant`);
    if (DATE_KEYS.has(k) && typeof v === 'string' && !DATE_RE.test(v)) rep.error(where, `${p}: "${v}" is not a date`);
    if (k === 'extension' && Array.isArray(v)) {
      v.forEach((e, i) => {
        const ep = `${p}[${i}]`;
        if (!e || typeof e.url !== 'string') { rep.error(where, `${ep}: extension without url`); return; }
        const hasValue = Object.keys(e).some((x) => /^_?value[A-Z]/.test(x));
        const hasExt = Array.isArray(e.extension) && e.extension.length > 0;
        if (hasValue === hasExt) rep.error(where, `${ep}: ext-1: an extension must have either extensions or a value[x], not both`);
      });
    }
    if (k === 'answer' && Array.isArray(v) && path.match(/item(\[\d+\])?$/)) {
      v.forEach((a, i) => {
        const n = Object.keys(a).filter((x) => /^_?value[A-Z]/.test(x)).length;
        if (n === 0) rep.error(where, `${p}[${i}]: answer without value[x]`);
      });
    }
    jsonRules(v, p, rep, where);
  }
}

function invariants(res, rep, where) {
  const list = (INVARIANTS['*'] || []).concat(INVARIANTS[res.resourceType] || []);
  for (const [key, expr] of list) {
    let out;
    try {
      out = fhirpath.evaluate(res, `${res.resourceType}.select(${expr})`, null, r4);
    } catch (e) {
      rep.error(where, `${key}: could not be evaluated: ${e.message}`);
      continue;
    }
    if (out.length !== 1 || out[0] !== true) {
      if (key === 'que-0') rep.warn(where, `${key} failed`);
      else rep.error(where, `invariant ${key} failed: ${expr}`);
    }
  }
}

function structure(res, rep, where) {
  const result = fhir.validate(res, { errorOnUnexpected: true });
  for (const m of result.messages || []) {
    if (m.severity === 'error') rep.error(where, `${m.location}: ${m.message}`);
    else if (m.severity === 'warning') rep.warn(where, `${m.location}: ${m.message}`);
  }
}

// ---- QuestionnaireResponse against the Questionnaire -------------------------------------

function indexQuestionnaire(q) {
  const byLink = new Map();
  (function walk(items, parent) {
    for (const it of items || []) {
      byLink.set(it.linkId, { item: it, parent });
      walk(it.item, it);
    }
  })(q.item, null);
  return byLink;
}

function extValue(item, url, key) {
  const e = (item.extension || []).find((x) => x.url === url);
  return e ? e[key] : undefined;
}

function answersOf(qrIndex, linkId) {
  const it = qrIndex.get(linkId);
  return it ? it.answer || [] : [];
}

// enabled applies FHIR R4 enableWhen semantics to the answers in the response.
function enabled(qItem, qrIndex, qIndex) {
  if (!qItem.enableWhen) return true;
  const results = qItem.enableWhen.map((ew) => {
    const answers = answersOf(qrIndex, ew.question);
    if (ew.operator === 'exists') return (answers.length > 0) === ew.answerBoolean;
    if (answers.length === 0) return false;
    return answers.some((a) => {
      if ('answerCoding' in ew) {
        const c = a.valueCoding;
        const same = !!c && c.system === ew.answerCoding.system && c.code === ew.answerCoding.code;
        if (ew.operator === '=') return same;
        if (ew.operator === '!=') return !same;
        return false;
      }
      if ('answerInteger' in ew) {
        if (typeof a.valueInteger !== 'number') return false; // asked-unknown: no value
        const x = a.valueInteger, y = ew.answerInteger;
        return { '=': x === y, '!=': x !== y, '>': x > y, '<': x < y, '>=': x >= y, '<=': x <= y }[ew.operator];
      }
      return false;
    });
  });
  return (qItem.enableBehavior || 'all') === 'any' ? results.some(Boolean) : results.every(Boolean);
}

function checkResponse(qr, q, rep, where) {
  if (!q) return [];
  const canonical = `${q.url}|${q.version}`;
  if (qr.questionnaire !== canonical) rep.error(where, `questionnaire is "${qr.questionnaire}", want "${canonical}"`);
  if (qr.language !== q.language && qr.language) rep.warn(where, `language ${qr.language} differs from the Questionnaire's ${q.language}`);
  const qIndex = indexQuestionnaire(q);
  const qrIndex = new Map();
  const answered = [];
  (function walk(items, qParent, path) {
    const seen = new Set();
    for (const [i, it] of (items || []).entries()) {
      const p = `${path}.item[${i}](${it.linkId})`;
      const def = qIndex.get(it.linkId);
      if (!def) { rep.error(where, `${p}: linkId not in the Questionnaire`); continue; }
      if (def.parent !== qParent) rep.error(where, `${p}: not where the Questionnaire has it`);
      if (seen.has(it.linkId)) rep.error(where, `${p}: linkId repeated`);
      seen.add(it.linkId);
      qrIndex.set(it.linkId, it);
      if (def.item.type === 'display') rep.error(where, `${p}: display item in a response`);
      if (it.text !== undefined && def.item.text !== it.text) rep.warn(where, `${p}: text differs from the Questionnaire`);
      checkAnswers(it, def.item, rep, where, p);
      if ((it.answer || []).length > 0) answered.push(it.linkId);
      walk(it.item, def.item, p);
    }
  })(qr.item, null, 'QuestionnaireResponse');
  // Enabled items must be there when required; disabled ones must not be.
  for (const [linkId, def] of qIndex) {
    const it = def.item;
    if (it.type === 'display' || it.type === 'group') continue;
    const on = enabled(it, qrIndex, qIndex);
    const present = qrIndex.has(linkId);
    if (!on && present) rep.error(where, `item ${linkId}: present although its enableWhen is false`);
    if (on && !present) rep.error(where, `item ${linkId}: enabled but missing from the response`);
    if (on && it.required && answersOf(qrIndex, linkId).length === 0 && qr.status === 'completed') {
      rep.error(where, `item ${linkId}: required and enabled but not answered in a completed response`);
    }
  }
  return answered;
}

function checkAnswers(it, def, rep, where, p) {
  const answers = it.answer || [];
  if (answers.length > 1 && !def.repeats) rep.error(where, `${p}: ${answers.length} answers to an item that does not repeat`);
  answers.forEach((a, i) => {
    const ap = `${p}.answer[${i}]`;
    switch (def.type) {
      case 'choice': {
        const c = a.valueCoding;
        if (!c) { rep.error(where, `${ap}: a choice item needs valueCoding`); break; }
        const ok = (def.answerOption || []).some((o) => o.valueCoding && o.valueCoding.system === c.system && o.valueCoding.code === c.code);
        if (!ok) rep.error(where, `${ap}: ${c.system}#${c.code} is not an answerOption`);
        break;
      }
      case 'integer': {
        if (typeof a.valueInteger === 'number') {
          const min = extValue(def, MIN_VALUE, 'valueInteger');
          const max = extValue(def, MAX_VALUE, 'valueInteger');
          if (!Number.isInteger(a.valueInteger)) rep.error(where, `${ap}: not an integer`);
          if (min !== undefined && a.valueInteger < min) rep.error(where, `${ap}: ${a.valueInteger} below minValue ${min}`);
          if (max !== undefined && a.valueInteger > max) rep.error(where, `${ap}: ${a.valueInteger} above maxValue ${max}`);
        } else if (a._valueInteger) {
          const dar = extValue(a._valueInteger, DATA_ABSENT, 'valueCode');
          if (dar !== 'asked-unknown') rep.error(where, `${ap}: an integer answer without value needs data-absent-reason asked-unknown`);
          const allow = (def.extension || []).some((e) => /exoscreen-allow-unsure$|^urn:uuid:/.test(e.url) && e.valueBoolean === true);
          if (!allow) rep.error(where, `${ap}: "not sure" to an item that does not allow it`);
        } else rep.error(where, `${ap}: an integer item needs valueInteger`);
        break;
      }
      case 'text':
      case 'string':
        if (typeof a.valueString !== 'string') rep.error(where, `${ap}: a ${def.type} item needs valueString`);
        else if (def.maxLength && [...a.valueString].length > def.maxLength) rep.error(where, `${ap}: longer than maxLength ${def.maxLength}`);
        break;
      default:
        rep.error(where, `${ap}: unexpected item type ${def.type}`);
    }
  });
}

const CLASS_ORDER = { none: 0, relative: 1, absolute: 2 };

function checkBundle(b, q, rep, where) {
  const byUrl = new Map();
  for (const e of b.entry || []) if (e.fullUrl) byUrl.set(e.fullUrl, e.resource);
  (function refs(node, path) {
    if (!node || typeof node !== 'object') return;
    if (typeof node.reference === 'string' && node.reference.startsWith('urn:uuid:') && !byUrl.has(node.reference)) {
      rep.error(where, `${path}.reference: ${node.reference} does not resolve in the Bundle`);
    }
    for (const [k, v] of Object.entries(node)) refs(v, `${path}.${k}`);
  })(b, 'Bundle');
  for (const e of b.entry || []) {
    if (e.resource && e.resource.id && e.fullUrl && e.fullUrl.startsWith('urn:uuid:') && e.fullUrl !== `urn:uuid:${e.resource.id}`) {
      rep.warn(where, `entry ${e.fullUrl}: fullUrl and resource id differ`);
    }
  }
  const qrs = (b.entry || []).map((e) => e.resource).filter((r) => r && r.resourceType === 'QuestionnaireResponse');
  const ras = (b.entry || []).map((e) => e.resource).filter((r) => r && r.resourceType === 'RiskAssessment');
  if (qrs.length !== 1) rep.error(where, `Bundle holds ${qrs.length} QuestionnaireResponse, want 1`);
  if (ras.length !== 1) rep.error(where, `Bundle holds ${ras.length} RiskAssessment, want 1`);
  if (qrs.length !== 1 || ras.length !== 1) return;
  const qr = qrs[0], ra = ras[0];
  checkResponse(qr, q, rep, `${where} QuestionnaireResponse`);
  // One prediction per shown question (the items of the response), plus the verdict first.
  const questions = [];
  (function walk(items) { for (const it of items || []) { if (!(it.linkId || '').startsWith('section.')) questions.push(it.linkId); walk(it.item); } })(qr.item);
  const preds = ra.prediction || [];
  const codes = preds.slice(1).map((p) => p.outcome && p.outcome.coding && p.outcome.coding[0].code);
  if (JSON.stringify(codes) !== JSON.stringify(questions)) {
    rep.error(where, `RiskAssessment predictions ${JSON.stringify(codes)} do not match the response items ${JSON.stringify(questions)}`);
  }
  const cls = (p) => p.qualitativeRisk && p.qualitativeRisk.coding && p.qualitativeRisk.coding[0].code;
  for (const p of preds) {
    if (!(cls(p) in CLASS_ORDER)) rep.error(where, `RiskAssessment prediction with class ${cls(p)}`);
    if (!p.rationale) rep.error(where, 'RiskAssessment prediction without rationale');
  }
  if (preds.length > 0) {
    const strictest = preds.slice(1).reduce((m, p) => Math.max(m, CLASS_ORDER[cls(p)]), 0);
    if (CLASS_ORDER[cls(preds[0])] !== strictest) rep.error(where, `verdict ${cls(preds[0])} is not the strictest class of the findings`);
  }
  if (!(ra.basis || []).some((r) => r.reference === `urn:uuid:${qr.id}`)) rep.error(where, 'RiskAssessment.basis does not point to the QuestionnaireResponse');
}

function validate(res, q, rep, where) {
  rep.resources++;
  if (!res || typeof res !== 'object' || typeof res.resourceType !== 'string') {
    rep.error(where, 'not a FHIR resource');
    return;
  }
  structure(res, rep, where);
  jsonRules(res, res.resourceType, rep, where);
  invariants(res, rep, where);
  if (res.resourceType === 'Bundle') {
    for (const [i, e] of (res.entry || []).entries()) {
      if (e.resource) invariants(e.resource, rep, `${where} entry[${i}]`);
    }
    checkBundle(res, q, rep, where);
  } else if (res.resourceType === 'QuestionnaireResponse') {
    checkResponse(res, q, rep, where);
  }
}

function readResources(file) {
  const text = fs.readFileSync(file, 'utf8');
  const trimmed = text.trim();
  if (trimmed === '') return [];
  try {
    return [[file, JSON.parse(trimmed)]];
  } catch (_) {
    // NDJSON: one resource a line.
    return text.split('\n').map((l, i) => [l, i]).filter(([l]) => l.trim() !== '').map(([l, i]) => {
      try { return [`${file}:${i + 1}`, JSON.parse(l)]; } catch (e) { return [`${file}:${i + 1}`, { parseError: e.message }]; }
    });
  }
}

function main(argv) {
  let qFile = null;
  const files = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--questionnaire') qFile = argv[++i];
    else if (argv[i] === '-h' || argv[i] === '--help') {
      console.log('usage: node validate.js [--questionnaire Q.json] FILE...');
      return 0;
    } else files.push(argv[i]);
  }
  if (files.length === 0) {
    console.error('usage: node validate.js [--questionnaire Q.json] FILE...');
    return 2;
  }
  const rep = new Report();
  let q = null;
  if (qFile) {
    q = JSON.parse(fs.readFileSync(qFile, 'utf8'));
    validate(q, null, rep, qFile);
  }
  for (const f of files) {
    for (const [where, res] of readResources(f)) {
      if (res.parseError) { rep.resources++; rep.error(where, `not JSON: ${res.parseError}`); continue; }
      validate(res, q, rep, where);
    }
  }
  console.log(`fhir-validate: ${rep.resources} resources, ${rep.errors} errors, ${rep.warnings} warnings`);
  return rep.errors > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
