/*
 * The installation steps of the READMEs, as the adoption test applies them to
 * a freshly created app. A step is the code block that follows a marker
 *
 *   <!-- adoption:step <name> [file=<path in the app>] [system=legacy|new]
 *        [in=<const>,<const>] -->
 *
 * and is applied by its language:
 *   json    merged into the app's root package.json (the `resolutions`)
 *   sh      run in the app's root, line by line
 *   ts/tsx  merged into `file`: imports join the file's imports, statements
 *           such as `backend.add(...)` go before `backend.start()`, and a
 *           `const` whose JSX holds a `{/* ... *\/}` placeholder adds its new
 *           elements where the placeholder stands in the file's `const` of
 *           that name (or in each of `in`); an element with the `path` of an
 *           existing one replaces it.
 * Every failure names the step and where it is written, so a broken README
 * step is found by its name.
 */
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const MARKER = /^<!--\s*adoption:step\s+([\w-]+)((?:\s+[\w]+=\S+)*)\s*-->\s*$/;

class StepError extends Error {
  constructor(step, message) {
    super(`README step "${step.name}" (${step.where}) failed: ${message}`);
    this.step = step;
  }
}

/** Reads the marked steps of a README, in the order they are written. */
function readSteps(readmePath, root) {
  const lines = fs.readFileSync(readmePath, 'utf8').split('\n');
  const steps = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = MARKER.exec(lines[i].trim());
    if (!marker) continue;
    const options = Object.fromEntries(
      marker[2]
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(option => option.split('=')),
    );
    let start = i + 1;
    while (start < lines.length && lines[start].trim() === '') start++;
    const fence = /^```(\w+)\s*$/.exec(lines[start] ?? '');
    const where = `${path.relative(root, readmePath)}:${i + 1}`;
    if (!fence) {
      throw new Error(
        `${where}: the marker of step "${marker[1]}" is not followed by a code block`,
      );
    }
    let end = start + 1;
    while (end < lines.length && !lines[end].startsWith('```')) end++;
    steps.push({
      name: marker[1],
      where,
      language: fence[1],
      code: lines.slice(start + 1, end).join('\n'),
      file: options.file,
      system: options.system,
      in: options.in ? options.in.split(',') : undefined,
    });
    i = end;
  }
  return steps;
}

const parse = (text, fileName) =>
  ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.TSX,
  );

const squash = text => text.replace(/\s+/g, ' ').trim();

function splice(text, pos, end, insert) {
  return text.slice(0, pos) + insert + text.slice(end);
}

function lineIndent(text, pos) {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))[0];
}

function mergeImport(step, text, fileName, snippetImport) {
  const source = parse(text, fileName);
  const module = snippetImport.moduleSpecifier.text;
  const imports = source.statements.filter(ts.isImportDeclaration);
  const clause = snippetImport.importClause;
  const names =
    clause?.namedBindings && ts.isNamedImports(clause.namedBindings)
      ? clause.namedBindings.elements.map(e => e.getText())
      : [];
  const existing = imports.find(
    i =>
      i.moduleSpecifier.text === module &&
      !i.importClause?.isTypeOnly &&
      i.importClause?.namedBindings &&
      ts.isNamedImports(i.importClause.namedBindings),
  );
  if (existing && !clause?.name) {
    const elements = existing.importClause.namedBindings.elements;
    const have = new Set(elements.map(e => e.getText()));
    const missing = names.filter(n => !have.has(n));
    if (missing.length === 0) return text;
    const last = elements[elements.length - 1];
    return last
      ? splice(text, last.end, last.end, `, ${missing.join(', ')}`)
      : splice(
          text,
          existing.importClause.namedBindings.end - 1,
          existing.importClause.namedBindings.end - 1,
          missing.join(', '),
        );
  }
  if (
    imports.some(i => squash(i.getText()) === squash(snippetImport.getText()))
  )
    return text;
  const after = imports[imports.length - 1];
  const at = after ? after.end : 0;
  return splice(text, at, at, `\n${snippetImport.getText()}`);
}

/** The JSX element a `const` holds: `(<X>...</X>)` or `() => (<X>...</X>)`. */
function jsxOf(node) {
  let current = node;
  for (;;) {
    if (!current) return undefined;
    if (ts.isParenthesizedExpression(current)) current = current.expression;
    else if (ts.isArrowFunction(current)) current = current.body;
    else if (ts.isJsxElement(current) || ts.isJsxSelfClosingElement(current))
      return current;
    else return undefined;
  }
}

const tagOf = element =>
  (ts.isJsxElement(element)
    ? element.openingElement.tagName
    : element.tagName
  ).getText();

function pathOf(element) {
  const attributes = ts.isJsxElement(element)
    ? element.openingElement.attributes
    : element.attributes;
  const attribute = attributes.properties.find(
    p => ts.isJsxAttribute(p) && p.name.getText() === 'path',
  );
  return attribute?.initializer && ts.isStringLiteral(attribute.initializer)
    ? attribute.initializer.text
    : undefined;
}

const isPlaceholder = node =>
  ts.isJsxExpression(node) && node.expression === undefined;

function holdsPlaceholder(node) {
  if (isPlaceholder(node)) return true;
  return ts.forEachChild(node, holdsPlaceholder) ?? false;
}

const elementsOf = element =>
  ts.isJsxElement(element)
    ? element.children.filter(
        c => ts.isJsxElement(c) || ts.isJsxSelfClosingElement(c),
      )
    : [];

/**
 * The edits that put the snippet's new elements into the file's element:
 * [{ pos, end, text }], positions in the file's text.
 */
function jsxEdits(step, snippet, target, text, where) {
  if (tagOf(snippet) !== tagOf(target)) {
    throw new StepError(
      step,
      `${where} holds <${tagOf(target)}> where the README shows <${tagOf(
        snippet,
      )}>`,
    );
  }
  if (!ts.isJsxElement(snippet) || !ts.isJsxElement(target)) return [];
  const edits = [];
  const placeholderAt = snippet.children.findIndex(isPlaceholder);
  const existing = elementsOf(target);
  snippet.children.forEach((child, index) => {
    if (!(ts.isJsxElement(child) || ts.isJsxSelfClosingElement(child))) return;
    if (holdsPlaceholder(child)) {
      const match = existing.find(e => tagOf(e) === tagOf(child));
      if (!match) {
        throw new StepError(
          step,
          `${where} has no <${tagOf(child)}> to add to (inside <${tagOf(
            target,
          )}>)`,
        );
      }
      edits.push(...jsxEdits(step, child, match, text, where));
      return;
    }
    if (existing.some(e => squash(e.getText()) === squash(child.getText())))
      return;
    const childPath = pathOf(child);
    const samePath =
      childPath !== undefined &&
      existing.find(e => tagOf(e) === tagOf(child) && pathOf(e) === childPath);
    if (samePath) {
      edits.push({
        pos: samePath.getStart(),
        end: samePath.end,
        text: child.getText(),
      });
      return;
    }
    // New elements go where the placeholder stands: after the opening tag
    // when they come before it, else before the closing tag (at the end of
    // the line above it when the tag stands on a line of its own).
    const indent = `${lineIndent(text, target.closingElement.getStart())}  `;
    let pos = target.openingElement.end;
    if (placeholderAt < 0 || index > placeholderAt) {
      const closing = target.closingElement.getStart();
      const lineStart = text.lastIndexOf('\n', closing - 1) + 1;
      pos = /^[ \t]*$/.test(text.slice(lineStart, closing))
        ? lineStart - 1
        : closing;
    }
    edits.push({ pos, end: pos, text: `\n${indent}${child.getText()}` });
  });
  return edits;
}

function applyEdits(text, edits) {
  // From the end backwards, so earlier positions stay valid; insertions at
  // one position keep the snippet's order.
  const sorted = edits
    .map((edit, order) => ({ ...edit, order }))
    .sort((a, b) => b.pos - a.pos || b.order - a.order);
  let result = text;
  for (const edit of sorted) {
    result = splice(result, edit.pos, edit.end, edit.text);
  }
  return result;
}

function findConst(source, name) {
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (declaration.name.getText() === name) return declaration;
    }
  }
  return undefined;
}

/** Merges a ts/tsx step into the app's file. */
function applyCode(step, appDir) {
  if (!step.file) throw new StepError(step, 'the marker names no file=');
  const file = path.join(appDir, step.file);
  if (!fs.existsSync(file)) {
    throw new StepError(step, `the app has no ${step.file}`);
  }
  const fileName = path.basename(file);
  let text = fs.readFileSync(file, 'utf8');
  const snippet = parse(step.code, fileName);
  const broken = snippet.parseDiagnostics ?? [];
  if (broken.length > 0) {
    throw new StepError(
      step,
      `the snippet does not parse: ${ts.flattenDiagnosticMessageText(
        broken[0].messageText,
        '\n',
      )}`,
    );
  }
  for (const statement of snippet.statements) {
    if (ts.isImportDeclaration(statement)) {
      text = mergeImport(step, text, fileName, statement);
    } else if (ts.isExpressionStatement(statement)) {
      const source = parse(text, fileName);
      if (
        source.statements.some(
          s => squash(s.getText()) === squash(statement.getText()),
        )
      )
        continue;
      const start = source.statements.find(s =>
        /^backend\.start\(/.test(s.getText()),
      );
      const at = start ? start.getStart() : text.length;
      text = splice(text, at, at, `${statement.getText()}\n`);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const name = declaration.name.getText();
        const snippetJsx = jsxOf(declaration.initializer);
        if (!snippetJsx) {
          throw new StepError(step, `\`${name}\` holds no JSX to merge`);
        }
        for (const target of step.in ?? [name]) {
          const source = parse(text, fileName);
          const found = findConst(source, target);
          if (!found) {
            throw new StepError(
              step,
              `${step.file} has no \`const ${target}\``,
            );
          }
          const targetJsx = jsxOf(found.initializer);
          if (!targetJsx) {
            throw new StepError(
              step,
              `\`${target}\` in ${step.file} holds no JSX`,
            );
          }
          const edits = jsxEdits(
            step,
            snippetJsx,
            targetJsx,
            text,
            `\`${target}\` in ${step.file}`,
          );
          text = applyEdits(text, edits);
        }
      }
    } else {
      throw new StepError(
        step,
        `cannot apply \`${squash(statement.getText()).slice(0, 60)}\``,
      );
    }
  }
  fs.writeFileSync(file, text);
}

module.exports = { readSteps, applyCode, StepError };
