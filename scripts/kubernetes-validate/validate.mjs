#!/usr/bin/env node
// Validates Kubernetes manifests against the JSON schemas of the Kubernetes API (from its
// OpenAPI document) and of the prometheus-operator CRDs, as compiled by kubernetes-models.
// Usage: validate.mjs FILE... ('-' reads a stream, such as 'kubectl kustomize' output).
// Prints one line per object; exits 1 if any object is invalid or of an unknown kind.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

// Where the model of each API group lives; a group not listed here is refused, not skipped.
const MODEL_PACKAGES = {
    "v1": "kubernetes-models/v1",
    "apps/v1": "kubernetes-models/apps/v1",
    "policy/v1": "kubernetes-models/policy/v1",
    "rbac.authorization.k8s.io/v1": "kubernetes-models/rbac.authorization.k8s.io/v1",
    "monitoring.coreos.com/v1": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1",
};

async function modelOf(apiVersion, kind) {
    const pkg = MODEL_PACKAGES[apiVersion];
    if (!pkg || !/^[A-Za-z]+$/.test(kind ?? "")) {
        return null;
    }
    try {
        const module = await import(`${pkg}/${kind}`);
        return module[kind];
    } catch {
        return null;
    }
}

async function validateDocument(where, object) {
    const name = `${object?.kind}/${object?.metadata?.name}`;
    const Model = await modelOf(object?.apiVersion, object?.kind);
    if (!Model) {
        return `${where}: ${name}: no schema for apiVersion ${object?.apiVersion} kind ${object?.kind}`;
    }
    try {
        new Model(object).validate();
    } catch (e) {
        return `${where}: ${name}: ${e.message}`;
    }
    console.log(`valid ${where}: ${name}`);
    return null;
}

async function main(files) {
    if (files.length === 0) {
        console.error("usage: validate.mjs FILE... ('-' for standard input)");
        return 2;
    }
    const problems = [];
    for (const file of files) {
        const text = readFileSync(file === "-" ? 0 : file, "utf8");
        for (const [index, doc] of parseAllDocuments(text).entries()) {
            const where = `${file === "-" ? "stdin" : file}#${index + 1}`;
            if (doc.errors.length > 0) {
                problems.push(`${where}: not valid YAML: ${doc.errors[0].message}`);
                continue;
            }
            const object = doc.toJS();
            if (object === null || object === undefined) {
                continue;
            }
            const problem = await validateDocument(where, object);
            if (problem) {
                problems.push(problem);
            }
        }
    }
    for (const problem of problems) {
        console.error(`invalid ${problem}`);
    }
    return problems.length === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
