/// The columns of the report's list of findings, in order: the header cells the page's script
/// sorts by, and the label that heads each cell in the phone layout.
enum FindingListColumns {
    struct Column {
        /// The key of the column in the page's labels.
        var name: String
        var label: ReportStrings.Key
        var numeric: Bool
    }

    static let all: [Column] = [
        Column(name: "id", label: .findingID, numeric: false), Column(name: "town", label: .town, numeric: false),
        Column(name: "household", label: .household, numeric: false), Column(name: "rule", label: .rule, numeric: false),
        Column(name: "severity", label: .severity, numeric: true), Column(name: "person", label: .person, numeric: false),
        Column(name: "application", label: .application, numeric: false), Column(name: "amount", label: .amountShort, numeric: true),
        Column(name: "evidence", label: .evidence, numeric: false),
    ]
}
