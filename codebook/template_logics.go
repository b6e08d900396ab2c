package codebook

// TemplateCode is one code of a built-in template, named by its full path.
type TemplateCode struct {
	Path        string // "Political logic/Mobilisation", levels joined by "/"
	Color       string // #RRGGBB
	Folder      bool   // groups codes; cannot itself be applied
	Description string // the definition: what it means, when to apply, when not, an example
}

// logicsTemplate is the "Multiple institutional logics" codebook: community
// self-governance guided by the party read as the interplay of a political, a
// bureaucratic and a community logic, with the context change starts from and
// the outcomes it is traced along. Codes are listed in tree order, parents
// before children. Each logic has its own hue family (political reds,
// bureaucratic blues, community greens) so that where the logics meet on one
// passage the overlap reads at a glance; context is amber and violet, outcomes
// teal. Every colour sits in the middle of the lightness range so that it stays
// visible as a translucent highlight on white and on dark backgrounds. The
// example quotations are invented.
var logicsTemplate = []TemplateCode{
	// Political logic: carried by grassroots party organisations.
	{
		Path:  "Political logic",
		Color: "#C62828",
		Description: `The way grassroots party organisations act on the community: leading, coordinating and mobilising through party channels rather than through administrative command or residents' own initiative. ` +
			`Apply when a party committee, branch or member acts in that capacity and no narrower sub-code fits; do not apply to the township acting as an administration (use Bureaucratic logic), even when one person holds both posts. ` +
			`Example: "The branch decided that the yard would be our first task this year."`,
	},
	{
		Path:  "Political logic/Integration of functions, resources and projects",
		Color: "#A04030",
		Description: `A party body pulls the functions, money and projects of scattered departments together under one coordinating table, so that they land in the community as one effort. ` +
			`Apply when departments, funds or projects are pooled, sequenced or brokered by a party committee or a joint party-building council; do not apply to one department's routine project or to money that simply arrives from above (use Pilot projects and showcase results). ` +
			`Example: "The drainage money and the road money went through one meeting of the party-building council."`,
	},
	{
		Path:  "Political logic/Mobilisation",
		Color: "#E8553E",
		Description: `The party rouses people to act: cadres, members and residents are asked, persuaded, taught or shown by example. ` +
			`Apply to mobilisation that fits none of the four sub-codes, or to passages describing a campaign as a whole; do not apply to residents organising themselves without party prompting (use Community logic). ` +
			`Example: "Every branch was told to get its people out for the clean-up weekend."`,
	},
	{
		Path:  "Political logic/Mobilisation/Encouraging local secretaries",
		Color: "#F5A0A0",
		Description: `Higher party levels spur, back or reward the secretaries of community branches and of building or courtyard party groups so that they take the lead. ` +
			`Apply to praise, pressure, training, backing in a dispute or promised recognition aimed at local secretaries; do not apply to appointing an outsider to the post (use Personnel arrangements). ` +
			`Example: "The town secretary came down himself and told Old Sun that if anything went wrong the town would answer for it."`,
	},
	{
		Path:  "Political logic/Mobilisation/Mass persuasion work",
		Color: "#C2185B",
		Description: `Face-to-face work to win residents over: door-to-door visits, patient talks with holdouts, policy explained in everyday words. ` +
			`Apply when cadres or party members try to change a resident's mind or gain consent one household at a time; do not apply to study sessions (use Organised political study) or to residents persuading each other on their own account (use Resolution of collective action). ` +
			`Example: "I went to her door four times before she agreed to move the shed."`,
	},
	{
		Path:  "Political logic/Mobilisation/Organised political study",
		Color: "#A3364E",
		Description: `Scheduled study of party documents, speeches or policy by members and activists, used to build a shared reading of the task in hand. ` +
			`Apply to study meetings, theme party days and reading sessions and to the effects people report from them; do not apply to residents' meetings that decide practical matters (use Public deliberation spaces). ` +
			`Example: "On Thursday evenings the members read the new guidance together and then talked about what it meant for our yards."`,
	},
	{
		Path:  "Political logic/Mobilisation/Party members setting an example",
		Color: "#FF8566",
		Description: `Party members act first and visibly so that others follow: they clean, pay, give up a parking space or volunteer before anyone else is asked. ` +
			`Apply when a member's own conduct is presented as a model or a public pledge; do not apply to non-members who lead by example (use Resolution of collective action or Trust and social capital). ` +
			`Example: "The three households with the red member plaques were the first to pull down their own sheds."`,
	},
	{
		Path:  "Political logic/Empowerment and boundary-drawing",
		Color: "#E57F9A",
		Description: `The party hands residents the right and the means to organise, and fixes which matters residents decide, which the community office decides and which stay with the town. ` +
			`Apply to authorising committees, delegating decisions or funds, and statements of who governs what; do not apply to residents taking up matters no one handed them (use Voluntary self-governing committees). ` +
			`Example: "Parking and flower beds are yours to decide; gas safety and the accounts stay with us."`,
	},

	// Bureaucratic logic: carried by township and city government.
	{
		Path:  "Bureaucratic logic",
		Color: "#1E6FD9",
		Description: `The way township and city government act: through targets, rankings, budgets, posts and documents passed down the administrative hierarchy. ` +
			`Apply when a government office, bureau or official acts in that capacity and no narrower sub-code fits; do not apply to the party acting through its own channels (use Political logic). ` +
			`Example: "The bureau wants a written report with photographs by the end of every month."`,
	},
	{
		Path:  "Bureaucratic logic/Performance assessment redirected to governance",
		Color: "#2A5CB0",
		Description: `Assessment targets, scores and rankings that turn officials' attention from economic growth towards governance, sanitation or residents' satisfaction. ` +
			`Apply when the weight of an indicator, an inspection or a ranking is said to change what cadres do; do not apply to the shock of one public ranking (use External pressure). ` +
			`Example: "This year grassroots governance counts for thirty points and investment attraction is down to fifteen."`,
	},
	{
		Path:  "Bureaucratic logic/Personnel arrangements",
		Color: "#4F9BEF",
		Description: `Choosing, moving or sending in cadres, often from outside the community, to step around local ties and conflicts of interest. ` +
			`Apply to appointments, secondments and rotations and to the reasons given for them; do not apply to encouraging cadres already in post (use Encouraging local secretaries). ` +
			`Example: "They sent me from the civil affairs office because I had no relatives in the estate."`,
	},
	{
		Path:  "Bureaucratic logic/Pilot projects and showcase results",
		Color: "#86B7F7",
		Description: `Scarce funds and attention concentrated on one place so that it produces visible results to show visitors and to count as achievements, including promotion capital for the officials involved. ` +
			`Apply to pilot designations, earmarked funds, inspection visits and talk of models to copy; do not apply to the coordination of several departments' projects (use Integration of functions, resources and projects). ` +
			`Example: "Once we were the pilot, every delegation from the city was brought to see the third yard."`,
	},

	// Community logic: carried by residents.
	{
		Path:  "Community logic",
		Color: "#2E9E44",
		Description: `The way residents act as neighbours: out of shared daily life, mutual obligation and their own stake in the place where they live. ` +
			`Apply when residents act on their own account and no narrower sub-code fits; do not apply when residents are only the audience of party or government action. ` +
			`Example: "In the end it is our yard; the officials go home in the evening and we stay."`,
	},
	{
		Path:  "Community logic/Demand for a better living environment",
		Color: "#1F6E2E",
		Description: `Residents' wish for a cleaner, safer, more pleasant place to live, as the force that makes them willing to act. ` +
			`Apply to complaints that carry a wish for change and to statements of what residents want the place to become; do not apply to a bare account of what is missing (use Material resource shortage). ` +
			`Example: "I just want my grandson to be able to play downstairs without stepping in rubbish."`,
	},
	{
		Path:  "Community logic/Collective action problem",
		Color: "#5DB85F",
		Description: `The difficulty of getting many households to contribute to a shared good that all enjoy whether or not they contribute. ` +
			`Apply to the problem as a whole, or where its two sides appear together; do not apply to a private quarrel between two households with no shared good at stake. ` +
			`Example: "Everyone wants the yard clean, but nobody wants to be the first to pay."`,
	},
	{
		Path:  "Community logic/Collective action problem/Free riding",
		Color: "#8DB52E",
		Description: `Households enjoy the shared good without contributing: not paying the cleaning fee, skipping the rota, waiting for others to act. ` +
			`Apply to reports of holding back, to the excuses given and to the resentment it breeds among contributors; do not apply to households the speaker presents as unable to pay through real hardship. ` +
			`Example: "Building five never paid a cent, but their children play on the new ground too."`,
	},
	{
		Path:  "Community logic/Collective action problem/Resolution of collective action",
		Color: "#34C03E",
		Description: `The means by which free riding is overcome: public lists, small fees, rotas, peer pressure, face, a neighbour who goes first. ` +
			`Apply when a passage shows how contributors were gathered or holdouts brought in by residents' own means; do not apply to party members leading by example alone (use Party members setting an example). ` +
			`Example: "Once the list of who had paid went up by the gate, the last eight households came within a week."`,
	},
	{
		Path:  "Community logic/Public deliberation spaces",
		Color: "#7FD08A",
		Description: `Places and occasions where residents discuss and decide common matters in the open: a meeting in a yard, a hall or a stairwell, or an online group used the same way. ` +
			`Apply to the setting, the rules of talk and the way decisions are reached there; do not apply to meetings that only pass down instructions (use Bureaucratic logic or Mobilisation). ` +
			`Example: "We put chairs under the locust tree and whoever came could speak."`,
	},
	{
		Path:  "Community logic/Voluntary self-governing committees",
		Color: "#358D61",
		Description: `Residents' own bodies, chosen by residents, that run a shared matter: courtyard councils, building committees, volunteer teams. ` +
			`Apply to their founding, membership, rules and work when none of the three sub-codes fits; do not apply to the residents' committee or community office acting as an arm of the township. ` +
			`Example: "Seven of us were elected to the yard council, and none of us is paid."`,
	},
	{
		Path:  "Community logic/Voluntary self-governing committees/Co-construction",
		Color: "#96CC6A",
		Description: `Residents contribute labour, money, materials or skills to build or repair something shared. ` +
			`Apply to joint building work and contributions in kind; do not apply to work paid for and done entirely by a contractor. ` +
			`Example: "Old Qian laid the bricks for the flower beds and the rest of us carried sand."`,
	},
	{
		Path:  "Community logic/Voluntary self-governing committees/Co-governance",
		Color: "#5E9E2A",
		Description: `Residents take part in making rules and settling disputes alongside the community office. ` +
			`Apply to drafting a yard convention, voting on parking rules or mediating quarrels; do not apply to day-to-day upkeep once the rules are set (use Co-management). ` +
			`Example: "The parking rule was voted on in the yard, and the community office signed it afterwards."`,
	},
	{
		Path:  "Community logic/Voluntary self-governing committees/Co-management",
		Color: "#3DBA8C",
		Description: `Residents share the continuing running and upkeep of a shared good: rotas, inspections, accounts, looking after plants and bins. ` +
			`Apply to routine work that goes on after a thing is built; do not apply to the one-off building itself (use Co-construction). ` +
			`Example: "Each floor takes a week on the bin rota, and the council checks on Sundays."`,
	},
	{
		Path:  "Community logic/Relational network change",
		Color: "#778532",
		Description: `Episodes in which the ties among residents shift from a star, where every matter runs through the community office, to a dense web with several centres. ` +
			`Apply to new ties between neighbours, new go-between figures and matters settled among residents without the office; do not apply to a summary judgement of the end state (use Relational structure). ` +
			`Example: "These days people ask Teacher Han or the grocery before they ever come to us."`,
	},
	{
		Path:  "Community logic/Trust and social capital",
		Color: "#B4BE45",
		Description: `Trust among residents and between residents and cadres, and the norms of give and take that let them act together. ` +
			`Apply to statements that trust has grown or shrunk and to help, favours and loans given on its strength; do not apply to formal rules that stand in for trust (use Co-governance). ` +
			`Example: "Now when I am away my neighbour takes in my parcels and waters my peppers."`,
	},

	// Context: where change starts from and what sets it going.
	{
		Path:   "Context",
		Color:  "#A1887F",
		Folder: true,
		Description: `The conditions change starts from and the events that set it going. ` +
			`A folder: apply its sub-codes, not the folder itself.`,
	},
	{
		Path:  "Context/Governance dilemma",
		Color: "#E69500",
		Description: `The community cannot solve its problems with what it has, before change begins. ` +
			`Apply when shortages of material resources and of relational capital are described together, or the dilemma is named in general terms; do not apply to problems described as already solved. ` +
			`Example: "No money, no property company and nobody talking to anybody: that was us three years ago."`,
	},
	{
		Path:  "Context/Governance dilemma/Material resource shortage",
		Color: "#B86E00",
		Description: `Lack of money, staff, facilities or services: no property management, broken drains, no budget for repairs. ` +
			`Apply to accounts of what is physically or financially missing; do not apply to a wish for something better (use Demand for a better living environment). ` +
			`Example: "The community office had two staff and a repair budget of four thousand yuan a year."`,
	},
	{
		Path:  "Context/Governance dilemma/Relational capital shortage",
		Color: "#E1B070",
		Description: `Lack of ties and trust: cold relations between neighbours who do not know each other, residents who distrust officials and officials who avoid residents. ` +
			`Apply to descriptions of this state before change; do not apply to accounts of trust being built (use Trust and social capital). ` +
			`Example: "I lived there eleven years and never knew the name of the man across the landing."`,
	},
	{
		Path:  "Context/Trigger",
		Color: "#9B4FC0",
		Description: `The event or pressure that turns a long-standing problem into one that must be acted on now. ` +
			`Apply when a passage names what set change going and neither sub-code fits alone, or internal demand and external pressure appear together; do not apply to the standing problems themselves (use Governance dilemma). ` +
			`Example: "It had been like that for years; what changed was that spring."`,
	},
	{
		Path:  "Context/Trigger/Internal demand",
		Color: "#C08ADA",
		Description: `Pressure from inside the community: petitions, complaints, a crisis such as a flood or a fire, residents demanding action. ` +
			`Apply when residents' own pressure is said to have started change; do not apply to a general wish for a better place (use Demand for a better living environment). ` +
			`Example: "After the stairwell fire forty households signed a letter to the town."`,
	},
	{
		Path:  "Context/Trigger/External pressure",
		Color: "#7545AC",
		Description: `Pressure from outside: a public ranking, a media report, an inspection or an instruction from above that names the community. ` +
			`Apply to the event and its immediate shock; do not apply to the standing assessment system behind it (use Performance assessment redirected to governance). ` +
			`Example: "We were at the bottom of the city bureau's list, with photographs, in the evening paper."`,
	},

	// Outcomes: the dimensions change is traced along, institution to
	// structure to behaviour.
	{
		Path:   "Outcomes",
		Color:  "#26A6B4",
		Folder: true,
		Description: `The dimensions along which change is traced, from institutions through the structure of relations to behaviour. ` +
			`A folder: apply its sub-codes, not the folder itself.`,
	},
	{
		Path:  "Outcomes/Actor behaviour",
		Color: "#00897B",
		Description: `How residents, cadres and party members behave, moving from acting alone or not at all towards interacting and cooperating well. ` +
			`Apply to described changes in what people do, before against after; do not apply to changes in the overall shape of ties (use Relational structure). ` +
			`Example: "People who used to walk past the rubbish now stop and pick it up, and tell the children to."`,
	},
	{
		Path:  "Outcomes/Relational structure",
		Color: "#4DD0C4",
		Description: `The structure of relations in the community judged as a whole, moving from atomised households towards organically connected groups. ` +
			`Apply to summary judgements of who is now tied to whom and how groups hold together; do not apply to a single episode of ties forming (use Relational network change) or to one actor's new habit (use Actor behaviour). ` +
			`Example: "Each yard has its own group now, and the groups talk to each other through the council."`,
	},
	{
		Path:  "Outcomes/Logic relations",
		Color: "#0E7490",
		Description: `How the political, bureaucratic and community logics stand to one another, moving from separate or at odds towards evolving together and reinforcing one another. ` +
			`Apply when a passage reflects on how party, government and residents now fit together; do not apply where the logics merely occur side by side without comment on their relation (code the logics themselves). ` +
			`Example: "The town brings money, the branch brings people and the yard decides; each needs the other two."`,
	},
}
