package screening

import "fmt"

// Class is where an answer is placed. Classes are ordered: a larger Class is stricter.
type Class int8

// The three placements, mildest first.
const (
	None     Class = iota // nothing in the answer stands against treatment
	Relative              // a physician must decide before treatment
	Absolute              // do not treat
)

var classNames = [...]string{"none", "relative", "absolute"}

var classLabels = [...]Text{
	{JA: "該当なし", EN: "None", ZhHans: "无禁忌", ZhHant: "無禁忌", KO: "해당 없음"},
	{JA: "相対禁忌", EN: "Relative contraindication", ZhHans: "相对禁忌", ZhHant: "相對禁忌", KO: "상대적 금기"},
	{JA: "絶対禁忌", EN: "Absolute contraindication", ZhHans: "绝对禁忌", ZhHant: "絕對禁忌", KO: "절대적 금기"},
}

// String returns the class code used in files and JSON: none, relative or absolute.
func (c Class) String() string {
	if c < None || c > Absolute {
		return fmt.Sprintf("class(%d)", int(c))
	}
	return classNames[c]
}

// Label is the class in words for people (絶対禁忌 / Absolute contraindication, ...).
func (c Class) Label() Text {
	if c < None || c > Absolute {
		return Text{JA: c.String(), EN: c.String()}
	}
	return classLabels[c]
}

// parseClass reads a class code.
func parseClass(s string) (Class, bool) {
	for i, n := range classNames {
		if n == s {
			return Class(i), true
		}
	}
	return None, false
}

// MarshalText writes the class code.
func (c Class) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText reads a class code.
func (c *Class) UnmarshalText(b []byte) error {
	v, ok := parseClass(string(b))
	if !ok {
		return fmt.Errorf("unknown class %q (want none, relative or absolute)", b)
	}
	*c = v
	return nil
}
