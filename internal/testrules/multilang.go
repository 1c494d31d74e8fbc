package testrules

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/exoscreen/exoscreen/screening"
)

// MultiLanguages are the languages of the multilingual test rule set (MultiDir): the test
// rule set's ja and en, and zh-Hans, zh-Hant and ko not yet reviewed.
var MultiLanguages = []screening.Language{
	{Tag: screening.JA, Name: "日本語", Reviewed: true},
	{Tag: screening.EN, Name: "English", Reviewed: true},
	{Tag: screening.ZhHans, Name: "简体中文"},
	{Tag: screening.ZhHant, Name: "繁體中文"},
	{Tag: screening.KO, Name: "한국어"},
}

// PseudoTranslate is the stand-in translation of the multilingual test rule set: NOT a
// translation (the real ones are in content/), but text of the right script that marks its
// language, so that screens, line breaking and exports can be tested in every language while
// the test rule set stays frozen. zh-Hans and zh-Hant take the Japanese text (ideographs and
// kana: kinsoku line breaking) after 【简】 or 【繁】; ko takes the English text (words between
// spaces: Korean line breaking) after 【한】; any other tag takes the English text after [tag].
func PseudoTranslate(tag screening.Lang, t screening.Text) string {
	switch tag {
	case screening.ZhHans:
		return "【简】" + t[screening.JA]
	case screening.ZhHant:
		return "【繁】" + t[screening.JA]
	case screening.KO:
		return "【한】 " + t[screening.EN]
	}
	return "[" + string(tag) + "] " + t[screening.EN]
}

// WithLanguages returns the three files of the rule set in src with langs declared in
// ruleset.yaml (replacing its languages) and every text ({ja: ..., en: ...}) given a text in
// each language it lacks, made by translate. It changes no Go code: what a rule set speaks is
// data.
func WithLanguages(src fs.FS, langs []screening.Language, translate func(screening.Lang, screening.Text) string) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, name := range []string{"ruleset.yaml", "sources.yaml", "questions.yaml"} {
		data, err := fs.ReadFile(src, name)
		if err != nil {
			return nil, err
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		addTexts(&doc, langs, translate)
		if name == "ruleset.yaml" {
			declare(&doc, langs)
		}
		var b bytes.Buffer
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		if err := enc.Encode(&doc); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out[name] = b.Bytes()
	}
	return out, nil
}

// addTexts adds the missing languages to every text under n.
func addTexts(n *yaml.Node, langs []screening.Language, translate func(screening.Lang, screening.Text) string) {
	if n.Kind == yaml.MappingNode {
		t := screening.Text{}
		isText := len(n.Content) > 0
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i+1].Kind != yaml.ScalarNode {
				isText = false
				break
			}
			t[screening.Lang(n.Content[i].Value)] = n.Content[i+1].Value
		}
		if isText && t[screening.JA] != "" && t[screening.EN] != "" {
			for _, l := range langs {
				if t[l.Tag] == "" {
					s := translate(l.Tag, t)
					n.Content = append(n.Content,
						&yaml.Node{Kind: yaml.ScalarNode, Value: string(l.Tag)},
						&yaml.Node{Kind: yaml.ScalarNode, Value: s, Style: n.Content[1].Style})
				}
			}
			return
		}
	}
	for _, c := range n.Content {
		addTexts(c, langs, translate)
	}
}

// declare sets ruleset.yaml's languages to langs.
func declare(doc *yaml.Node, langs []screening.Language) {
	root := doc.Content[0]
	list := &yaml.Node{Kind: yaml.SequenceNode}
	for _, l := range langs {
		item := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
		item.Content = append(item.Content,
			&yaml.Node{Kind: yaml.ScalarNode, Value: "tag"}, &yaml.Node{Kind: yaml.ScalarNode, Value: string(l.Tag)},
			&yaml.Node{Kind: yaml.ScalarNode, Value: "name"}, &yaml.Node{Kind: yaml.ScalarNode, Value: l.Name})
		if !l.Reviewed {
			item.Content = append(item.Content,
				&yaml.Node{Kind: yaml.ScalarNode, Value: "reviewed"}, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "false"})
		}
		list.Content = append(list.Content, item)
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "languages" {
			root.Content[i+1] = list
			return
		}
	}
	root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "languages"}, list)
}

// WriteDir writes files (as WithLanguages returns them) into a new temporary folder of tb.
func WriteDir(tb testing.TB, files map[string][]byte) string {
	tb.Helper()
	dir := tb.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

// MultiDir is the folder of the multilingual test rule set on disk: the test rule set with
// MultiLanguages and PseudoTranslate texts (testdata-multi/, made by WithLanguages; TestMulti
// checks it is up to date, -update rewrites it). scripts/languages-walkthrough.sh runs the
// real binary on it with --content.
func MultiDir() string {
	return strings.TrimSuffix(Dir(), "testdata") + "testdata-multi"
}

// LoadMulti loads the multilingual test rule set; an error fails tb.
func LoadMulti(tb testing.TB) *screening.RuleSet {
	tb.Helper()
	rs, err := screening.LoadDir(MultiDir())
	if err != nil {
		tb.Fatalf("load the multilingual test rule set (%s): %v", MultiDir(), err)
	}
	return rs
}
