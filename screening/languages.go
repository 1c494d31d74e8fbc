package screening

import (
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
)

// Language is a language a rule set declares in ruleset.yaml (languages:): every text of the
// rule set exists in it (lint checks), and a patient may be screened in it.
type Language struct {
	Tag  Lang   // BCP 47 tag, e.g. zh-Hans
	Name string // the language's name in itself, e.g. 简体中文
	// Reviewed is false while no clinician of the language has reviewed the translation: the
	// patient's screens and the physician's copy then say so.
	Reviewed bool
}

// defaultLanguages are the languages of a rule set whose ruleset.yaml declares none.
var defaultLanguages = []Language{{Tag: JA, Name: "日本語", Reviewed: true}, {Tag: EN, Name: "English", Reviewed: true}}

// Langs returns the tags of the rule set's languages in their declared order (ja and en for a
// rule set that declares none).
func (rs *RuleSet) Langs() []Lang {
	out := make([]Lang, len(rs.languages()))
	for i, l := range rs.languages() {
		out[i] = l.Tag
	}
	return out
}

func (rs *RuleSet) languages() []Language {
	if rs == nil || len(rs.Languages) == 0 {
		return defaultLanguages
	}
	return rs.Languages
}

// Language returns the declared language of tag.
func (rs *RuleSet) Language(tag Lang) (Language, bool) {
	for _, l := range rs.languages() {
		if l.Tag == tag {
			return l, true
		}
	}
	return Language{}, false
}

// Clinic returns the clinic's language (the physician's): ruleset.yaml clinic_language, ja
// by default.
func (rs *RuleSet) Clinic() Lang {
	if rs == nil || rs.ClinicLang == "" {
		return JA
	}
	return rs.ClinicLang
}

// LangName is the name of tag in itself as the rule set declares it (the tag if undeclared).
func (rs *RuleSet) LangName(tag Lang) string {
	if l, ok := rs.Language(tag); ok && l.Name != "" {
		return l.Name
	}
	return string(tag)
}

// MatchLang picks the declared language that best matches s, a BCP 47 tag or a POSIX locale
// (zh-CN, zh_TW.UTF-8, ko-KR, en_US.UTF-8 ...). It reports false when s names no language
// close enough to a declared one (the caller then uses the clinic's language).
func (rs *RuleSet) MatchLang(s string) (Lang, bool) {
	return MatchLang(rs.Langs(), s)
}

// MatchLang picks the language of have that best matches s (see RuleSet.MatchLang).
func MatchLang(have []Lang, s string) (Lang, bool) {
	s = localeTag(s)
	if s == "" {
		return "", false
	}
	want, err := language.Parse(s)
	if err != nil || len(have) == 0 {
		return "", false
	}
	for _, h := range have { // an exact tag, any case
		if strings.EqualFold(string(h), s) {
			return h, true
		}
	}
	tags := make([]language.Tag, len(have))
	for i, h := range have {
		t, err := language.Parse(string(h))
		if err != nil {
			t = language.Und
		}
		tags[i] = t
	}
	_, i, conf := language.NewMatcher(tags).Match(want)
	if conf < language.High {
		return "", false
	}
	return have[i], true
}

// languages reads ruleset.yaml's languages and clinic_language before the other files are
// read, so that every text is checked against them.
func (b *builder) languages(doc *yaml.Node) {
	r := b.reporter("ruleset.yaml")
	root := doc // parseYAML's: the document's content
	if root == nil || root.Kind != yaml.MappingNode {
		return // ruleset() reports it
	}
	var langsNode, clinicNode *yaml.Node
	for i := 0; i < len(root.Content); i += 2 { // a mapping's keys and values, in pairs
		switch root.Content[i].Value {
		case "languages":
			langsNode = root.Content[i+1]
		case "clinic_language":
			clinicNode = root.Content[i+1]
		}
	}
	if langsNode != nil {
		m := &mapping{r: r, node: root, field: "", vals: map[string]*yaml.Node{"languages": langsNode}}
		seen := map[Lang]bool{}
		for i, n := range m.list("languages", true) {
			field := "languages[" + strconv.Itoa(i) + "]"
			lm := r.asMapping(n, field, "tag", "name", "reviewed")
			tag := Lang(lm.str("tag", true))
			name := lm.str("name", true)
			reviewed := true
			if v := lm.vals["reviewed"]; v != nil {
				switch v.Value {
				case "true":
				case "false":
					reviewed = false
				default:
					r.msg(v, field+".reviewed", "reviewedBool")
				}
			}
			if tag == "" {
				continue
			}
			if t, err := language.Parse(string(tag)); err != nil || t.String() != string(tag) {
				r.msg(lm.vals["tag"], field+".tag", "notBCP47")
				continue
			}
			if seen[tag] {
				r.msg(lm.vals["tag"], field+".tag", "langTwice", string(tag))
				continue
			}
			seen[tag] = true
			b.rs.Languages = append(b.rs.Languages, Language{Tag: tag, Name: name, Reviewed: reviewed})
		}
		if len(b.rs.Languages) > 0 && !seen[JA] {
			r.msg(langsNode, "languages", "jaRequired")
		}
	}
	if clinicNode != nil {
		b.rs.ClinicLang = Lang(clinicNode.Value)
		if _, ok := b.rs.Language(b.rs.ClinicLang); !ok {
			r.msg(clinicNode, "clinic_language", "clinicLangDeclared")
			b.rs.ClinicLang = ""
		}
	}
	b.langs = b.rs.Langs()
}

// missingIn lists the declared languages t has no text in.
func missingIn(t Text, langs []Lang) []Lang {
	var out []Lang
	for _, l := range langs {
		if t[l] == "" {
			out = append(out, l)
		}
	}
	return out
}

// knownLangTag reports whether key is a tag a text may carry: a declared language, or a
// well-formed BCP 47 tag a later version of the rule set may declare.
func knownLangTag(langs []Lang, key string) bool {
	if slices.Contains(langs, Lang(key)) {
		return true
	}
	t, err := language.Parse(key)
	return err == nil && t.String() == key
}

// missingTextMessage says that a text lacks its translation into l, in every language of
// exoscreen's messages.
func missingTextMessage(l Lang) Text { return loadText("missingText", string(l)) }

// unknownTagMessage says that key is not a language tag, in every language of exoscreen's
// messages.
func unknownTagMessage(key string, langs []Lang) Text {
	list := make([]string, len(langs))
	for i, l := range langs {
		list[i] = string(l)
	}
	return loadText("unknownTag", strconv.Quote(key), strings.Join(list, ", "))
}
