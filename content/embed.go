// Package content holds exoscreen's default rule set as data: ruleset.yaml, sources.yaml and
// questions.yaml, embedded in the binary. A clinic reviews and edits these files (or its own
// copy, loaded with --content DIR); `exoscreen lint` checks them. The format is described in
// README.md (section "The content format").
package content

import "embed"

// FS holds the default rule set's files at its root.
//
//go:embed *.yaml
var FS embed.FS
