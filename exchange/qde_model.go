package exchange

import "encoding/xml"

// The x* types mirror the REFI-QDA project schema (Project.xsd, QDA-XML 1.0)
// closely enough to write valid files and to read what other tools write. Tags
// carry no namespace so that files with a missing or variant namespace still
// read; the writer sets xmlns itself. Field order is the schema's sequence
// order, which encoding/xml follows when writing.

// Namespaces of the two REFI-QDA document types.
const (
	projectNS  = "urn:QDA-XML:project:1.0"
	codebookNS = "urn:QDA-XML:codebook:1.0"
)

type xProject struct {
	XMLName       xml.Name    `xml:"Project"`
	Xmlns         string      `xml:"xmlns,attr,omitempty"`
	Name          string      `xml:"name,attr"`
	Origin        string      `xml:"origin,attr,omitempty"`
	CreatingUser  string      `xml:"creatingUserGUID,attr,omitempty"`
	Created       string      `xml:"creationDateTime,attr,omitempty"`
	ModifyingUser string      `xml:"modifyingUserGUID,attr,omitempty"`
	Modified      string      `xml:"modifiedDateTime,attr,omitempty"`
	BasePath      string      `xml:"basePath,attr,omitempty"`
	Users         *xUsers     `xml:"Users"`
	CodeBook      *xCodeBook  `xml:"CodeBook"`
	Variables     *xVariables `xml:"Variables"`
	Cases         *xCases     `xml:"Cases"`
	Sources       *xSources   `xml:"Sources"`
	Notes         *xNotes     `xml:"Notes"`
	Links         *xLinks     `xml:"Links"`
	Sets          *xSets      `xml:"Sets"`
	Graphs        *xGraphs    `xml:"Graphs"`
	Description   string      `xml:"Description,omitempty"`
	NoteRefs      []xRef      `xml:"NoteRef"`
}

type xUsers struct {
	User []xUser `xml:"User"`
}

type xUser struct {
	GUID string `xml:"guid,attr"`
	Name string `xml:"name,attr,omitempty"`
	ID   string `xml:"id,attr,omitempty"`
}

type xCodeBook struct {
	Codes xCodes `xml:"Codes"`
}

type xCodes struct {
	Code []xCode `xml:"Code"`
}

type xCode struct {
	GUID        string  `xml:"guid,attr"`
	Name        string  `xml:"name,attr"`
	IsCodable   string  `xml:"isCodable,attr"`
	Color       string  `xml:"color,attr,omitempty"`
	Description string  `xml:"Description,omitempty"`
	NoteRefs    []xRef  `xml:"NoteRef"`
	Codes       []xCode `xml:"Code"`
}

type xVariables struct {
	Variable []xVariable `xml:"Variable"`
}

type xVariable struct {
	GUID        string `xml:"guid,attr"`
	Name        string `xml:"name,attr"`
	Type        string `xml:"typeOfVariable,attr"`
	Description string `xml:"Description,omitempty"`
}

type xCases struct {
	Case []xCase `xml:"Case"`
}

type xCase struct {
	GUID          string      `xml:"guid,attr"`
	Name          string      `xml:"name,attr,omitempty"`
	Description   string      `xml:"Description,omitempty"`
	CodeRefs      []xRef      `xml:"CodeRef"`
	Values        []xVarValue `xml:"VariableValue"`
	SourceRefs    []xRef      `xml:"SourceRef"`
	SelectionRefs []xRef      `xml:"SelectionRef"`
}

// xVarValue holds one value; exactly one of the typed elements is set. They
// are pointers so an empty text value still writes its element.
type xVarValue struct {
	VariableRef   xRef    `xml:"VariableRef"`
	TextValue     *string `xml:"TextValue"`
	BooleanValue  *string `xml:"BooleanValue"`
	IntegerValue  *string `xml:"IntegerValue"`
	FloatValue    *string `xml:"FloatValue"`
	DateValue     *string `xml:"DateValue"`
	DateTimeValue *string `xml:"DateTimeValue"`
}

type xSources struct {
	Text    []xTextSource  `xml:"TextSource"`
	Picture []xMediaSource `xml:"PictureSource"`
	PDF     []xPDFSource   `xml:"PDFSource"`
	Audio   []xMediaSource `xml:"AudioSource"`
	Video   []xMediaSource `xml:"VideoSource"`
}

// xTextSource is the schema's TextSourceType, which Notes, PDF
// representations and transcripts share.
type xTextSource struct {
	GUID             string       `xml:"guid,attr"`
	Name             string       `xml:"name,attr,omitempty"`
	RichTextPath     string       `xml:"richTextPath,attr,omitempty"`
	PlainTextPath    string       `xml:"plainTextPath,attr,omitempty"`
	CreatingUser     string       `xml:"creatingUser,attr,omitempty"`
	Created          string       `xml:"creationDateTime,attr,omitempty"`
	ModifyingUser    string       `xml:"modifyingUser,attr,omitempty"`
	Modified         string       `xml:"modifiedDateTime,attr,omitempty"`
	Description      string       `xml:"Description,omitempty"`
	PlainTextContent *string      `xml:"PlainTextContent"`
	Selections       []xSelection `xml:"PlainTextSelection"`
	Codings          []xCoding    `xml:"Coding"`
	NoteRefs         []xRef       `xml:"NoteRef"`
	Values           []xVarValue  `xml:"VariableValue"`
}

type xSelection struct {
	GUID          string    `xml:"guid,attr"`
	Name          string    `xml:"name,attr,omitempty"`
	Start         string    `xml:"startPosition,attr"`
	End           string    `xml:"endPosition,attr"`
	CreatingUser  string    `xml:"creatingUser,attr,omitempty"`
	Created       string    `xml:"creationDateTime,attr,omitempty"`
	ModifyingUser string    `xml:"modifyingUser,attr,omitempty"`
	Modified      string    `xml:"modifiedDateTime,attr,omitempty"`
	Description   string    `xml:"Description,omitempty"`
	Codings       []xCoding `xml:"Coding"`
	NoteRefs      []xRef    `xml:"NoteRef"`
}

type xCoding struct {
	GUID         string `xml:"guid,attr"`
	CreatingUser string `xml:"creatingUser,attr,omitempty"`
	Created      string `xml:"creationDateTime,attr,omitempty"`
	CodeRef      *xRef  `xml:"CodeRef"`
	NoteRefs     []xRef `xml:"NoteRef"`
}

// xPDFSource is read only for its text representation; Coder does not keep
// PDF page geometry.
type xPDFSource struct {
	GUID           string       `xml:"guid,attr"`
	Name           string       `xml:"name,attr,omitempty"`
	Path           string       `xml:"path,attr,omitempty"`
	CreatingUser   string       `xml:"creatingUser,attr,omitempty"`
	Created        string       `xml:"creationDateTime,attr,omitempty"`
	Description    string       `xml:"Description,omitempty"`
	Selections     []struct{}   `xml:"PDFSelection"`
	Representation *xTextSource `xml:"Representation"`
	NoteRefs       []xRef       `xml:"NoteRef"`
	Values         []xVarValue  `xml:"VariableValue"`
}

// xMediaSource covers picture, audio and video sources, which Coder reports
// and skips.
type xMediaSource struct {
	GUID string `xml:"guid,attr"`
	Name string `xml:"name,attr,omitempty"`
	Path string `xml:"path,attr,omitempty"`
}

type xNotes struct {
	Note []xTextSource `xml:"Note"`
}

type xLinks struct {
	Link []xLink `xml:"Link"`
}

type xLink struct {
	GUID      string `xml:"guid,attr"`
	Name      string `xml:"name,attr,omitempty"`
	Direction string `xml:"direction,attr,omitempty"`
	Color     string `xml:"color,attr,omitempty"`
	Origin    string `xml:"originGUID,attr,omitempty"`
	Target    string `xml:"targetGUID,attr,omitempty"`
	NoteRefs  []xRef `xml:"NoteRef"`
}

type xSets struct {
	Set []xSet `xml:"Set"`
}

type xSet struct {
	GUID         string `xml:"guid,attr"`
	Name         string `xml:"name,attr"`
	Description  string `xml:"Description,omitempty"`
	MemberCode   []xRef `xml:"MemberCode"`
	MemberSource []xRef `xml:"MemberSource"`
	MemberNote   []xRef `xml:"MemberNote"`
}

type xGraphs struct {
	Graph []struct{} `xml:"Graph"`
}

// xRef is every *Ref element of the schema. Codebook files name the target
// in a guid attribute instead; Guid catches that spelling when reading.
type xRef struct {
	Target string `xml:"targetGUID,attr,omitempty"`
	Guid   string `xml:"guid,attr,omitempty"`
}

func (r xRef) id() string {
	if r.Target != "" {
		return r.Target
	}
	return r.Guid
}

// xCodeBookFile is the root of a .qdc file (Codebook.xsd).
type xCodeBookFile struct {
	XMLName xml.Name `xml:"CodeBook"`
	Xmlns   string   `xml:"xmlns,attr,omitempty"`
	Origin  string   `xml:"origin,attr,omitempty"`
	Codes   xCodes   `xml:"Codes"`
	Sets    *xSets   `xml:"Sets"`
}
