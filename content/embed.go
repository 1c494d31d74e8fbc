// Package content holds exoscreen's default rule set as data: ruleset.yaml, sources.yaml and
// questions.yaml, embedded in the binary. A clinic reviews and edits these files (or its own
// copy, loaded with --content DIR); `exoscreen lint` checks them. The format is described in
// README.md (section "The content format").
//
// ruleset.compiled is generated from the YAML files (run `go generate ./...` after editing
// them): the same rule set in a form that loads without parsing YAML. Load uses it only while
// its recorded SHA-256 is that of the YAML files beside it.
package content

import "embed"

//go:generate go run ../internal/gencontent

// FS holds the default rule set's files at its root.
//
//go:embed *.yaml ruleset.compiled
var FS embed.FS
