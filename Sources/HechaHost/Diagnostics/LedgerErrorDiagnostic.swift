import HechaCore
import HechaLedger

extension LedgerError {
    /// This error as a diagnostic. The ledger words its errors as one line of text,
    /// `FILE: error: MESSAGE; hint: HINT` or just `MESSAGE` (HechaLedger predates the diagnostic
    /// model), so its place and hint are taken apart here, the one place that reads that text.
    public var diagnostic: Diagnostic {
        var text = Substring(message)
        var location: SourceLocation?
        if let label = text.range(of: ": error: ") {
            location = SourceLocation(file: String(text[..<label.lowerBound]), line: 0)
            text = text[label.upperBound...]
        }
        var hint: String?
        if let h = text.range(of: "; hint: ") {
            hint = String(text[h.upperBound...])
            text = text[..<h.lowerBound]
        }
        return Diagnostic(.error, String(text), at: location, hint: hint)
    }
}
