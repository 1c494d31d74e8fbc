package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"

	"github.com/exoscreen/exoscreen/internal/i18n"
)

// TestMessagesEveryLanguage: every key of the command line's message catalogues has every
// language of exoscreen's messages (screening.Langs), each taking the arguments of the
// Japanese text.
func TestMessagesEveryLanguage(t *testing.T) {
	for name, c := range map[string]i18n.Catalog{"usageMessages": usageMessages, "helpHeads": helpHeads, "accessibleMessages": accessibleMessages, "kioskWarnings": kioskWarnings} {
		for _, gap := range c.Gaps() {
			t.Errorf("%s: %s", name, gap)
		}
	}
}

// TestHelpEveryLanguage: every description in the help (commands, examples, formats, flags)
// has every language of exoscreen's messages.
func TestHelpEveryLanguage(t *testing.T) {
	c := i18n.Catalog{"exit status": exitStatus}
	for _, cmd := range commands {
		c["summary of "+cmd.name] = cmd.summary
		for i, a := range cmd.about {
			c[fmt.Sprintf("about %d of %s", i, cmd.name)] = a
		}
		for i, g := range cmd.flags {
			if g.title != nil {
				c[fmt.Sprintf("flag group %d of %s", i, cmd.name)] = g.title
			}
		}
		for i, e := range cmd.examples {
			c[fmt.Sprintf("example %d of %s", i, cmd.name)] = e.note
		}
		for _, f := range cmd.formats {
			c["format "+f.name+" of "+cmd.name] = f.help
		}
	}
	for _, d := range flagDefs {
		c["--"+d.name] = d.help
		if d.want != nil {
			c["want of --"+d.name] = d.want
		}
	}
	for _, gap := range c.Gaps() {
		t.Error(gap)
	}
}

// TestNoInit: no file of the command has an init function, so the help and the message
// catalogues are exactly their literals: every text holds its languages where it is defined,
// and nothing edits the tables after them (issue 10).
func TestNoInit(t *testing.T) {
	fset := token.NewFileSet()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	files := 0
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, e.Name(), nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		files++
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == "init" {
				t.Errorf("%s: func init: give each text its languages in its literal instead", fset.Position(fn.Pos()))
			}
		}
	}
	if files == 0 {
		t.Fatal("no Go files read")
	}
}
