extension Day {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    /// Why `text`, written `YYYY-MM-DD`, is not a date that exists, in words a person can act on
    /// ("June has 30 days", "2023 is not a leap year: February 2023 has 28 days"); `nil` when it is
    /// a date, or not of that form at all.
    public static func whyImpossible(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), Day(year: y, month: m, day: d) == nil
        else { return nil }
        if !(1...9999).contains(y) { return "years go from 0001 to 9999" }
        if !(1...12).contains(m) { return "there is no month \(parts[1]): months go from 01 to 12" }
        let name = monthNames[m - 1]
        if d < 1 { return "days of the month begin at 01" }
        if m == 2, d == 29 { return "\(y) is not a leap year: February \(y) has 28 days" }
        return "\(name) has \(Day.daysIn(year: y, month: m)) days"
    }
}
