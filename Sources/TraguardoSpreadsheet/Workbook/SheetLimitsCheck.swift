import TraguardoCore

extension [Sheet] {
    /// Every text cell longer than `InputLimits.maxTextLength`, with its sheet, row and column: a workbook is
    /// refused before its rows become plan data, as a JSON bundle is by its scan.
    func longTextErrors() -> [WorkbookError] {
        var out: [WorkbookError] = []
        for sheet in self {
            for (r, row) in sheet.rows.enumerated() {
                for (c, cell) in row.enumerated() {
                    guard case .text(let text) = cell, text.utf8.count > InputLimits.maxTextLength, text.count > InputLimits.maxTextLength
                    else { continue }
                    out.append(
                        WorkbookError(
                            sheet: sheet.name, row: r + 1, column: ColumnLetters.letters(c), field: "",
                            message:
                                "testo di \(ItalianFormat.number(Double(text.count), decimals: 0)) caratteri, oltre il limite di \(ItalianFormat.number(Double(InputLimits.maxTextLength), decimals: 0))."
                        ))
                }
            }
        }
        return out
    }
}
