import Foundation
import TraguardoCore

/// A plan bundle as a spreadsheet a segretario can fill in with Excel or LibreOffice: an Istruzioni sheet, then
/// one sheet per entity with Italian headers. `write` then `read` gives back the same bundle.
public enum PlanWorkbook {
    /// The entity sheets, in workbook order (organisation before plan content, so links point backwards).
    static let layouts: [SheetLayout] = [
        EnteSheet.layout, PlanSheet.layout, UnitSheet.layout, PersonSheet.layout, AssignmentSheet.layout, ReferentSheet.layout,
        ClassificationSheet.layout, NodeSheet.layout, PhaseSheet.layout, IndicatorSheet.layout, ParticipationSheet.layout,
        CampaignSheet.layout, ValueSheet.layout, ValidationSheet.layout,
    ]

    public static var sheetNames: [String] { [InstructionsSheet.name] + layouts.map(\.name) }

    public static func write(_ bundle: PlanBundle, as format: SpreadsheetFormat) throws -> Data {
        try SpreadsheetFile.write(sheets(bundle), as: format)
    }

    /// An empty workbook for an ente and plan: the rows of Ente and Piano filled in, every other sheet with
    /// headers only.
    public static func template(ente: Ente, plan: Plan, as format: SpreadsheetFormat) throws -> Data {
        try write(PlanBundle(ente: ente, plan: plan), as: format)
    }

    static func sheets(_ b: PlanBundle) -> [Sheet] {
        [
            InstructionsSheet.sheet(layouts),
            EnteSheet.layout.sheet(EnteSheet.rows(b.ente)),
            PlanSheet.layout.sheet(PlanSheet.rows(b.plan, source: b.source)),
            UnitSheet.layout.sheet(UnitSheet.rows(b.units)),
            PersonSheet.layout.sheet(PersonSheet.rows(b.people)),
            AssignmentSheet.layout.sheet(AssignmentSheet.rows(b.assignments)),
            ReferentSheet.layout.sheet(ReferentSheet.rows(b.politicalReferents)),
            ClassificationSheet.layout.sheet(ClassificationSheet.rows(b.classifications)),
            NodeSheet.layout.sheet(NodeSheet.rows(b.nodes)),
            PhaseSheet.layout.sheet(PhaseSheet.rows(b.phases)),
            IndicatorSheet.layout.sheet(IndicatorSheet.rows(b.indicators)),
            ParticipationSheet.layout.sheet(ParticipationSheet.rows(b.participations)),
            CampaignSheet.layout.sheet(CampaignSheet.rows(b.campaigns)),
            ValueSheet.layout.sheet(ValueSheet.rows(b.values)),
            ValidationSheet.layout.sheet(ValidationSheet.rows(b.validations)),
        ]
    }

    /// Reads a workbook; throws `WorkbookErrors` with every problem found (file, sheet, row and column), and
    /// returns a bundle only when there is none. A file whose content is the other format (an ODS uploaded
    /// with an .xlsx name) is read as what it is.
    public static func read(_ data: Data, as format: SpreadsheetFormat) throws -> PlanBundle {
        let sheets: [Sheet]
        do {
            sheets = try SpreadsheetFile.read(data, as: SpreadsheetFormat.detect(data) ?? format)
        } catch let error as SpreadsheetFileError {
            throw WorkbookErrors([WorkbookError(sheet: error.sheet ?? "", row: 0, column: "", field: "", message: error.message)])
        }
        let tooLong = sheets.longTextErrors()
        guard tooLong.isEmpty else { throw WorkbookErrors(tooLong) }
        return try read(sheets)
    }

    static func read(_ sheets: [Sheet]) throws -> PlanBundle {
        let ctx = WorkbookContext(sheets: sheets, layouts: layouts)
        let ente = ctx.singleRow(EnteSheet.layout).flatMap(EnteSheet.read)
        let planRow = ctx.singleRow(PlanSheet.layout).flatMap(PlanSheet.read)
        ctx.levels = planRow?.plan.levels
        let units = UnitSheet.read(ctx.table(UnitSheet.layout), ctx)
        let people = PersonSheet.read(ctx.table(PersonSheet.layout), ctx)
        let assignments = AssignmentSheet.read(ctx.table(AssignmentSheet.layout), ctx)
        let referents = ReferentSheet.read(ctx.table(ReferentSheet.layout), ctx)
        let classifications = ClassificationSheet.read(ctx.table(ClassificationSheet.layout), ctx)
        let nodes = NodeSheet.read(ctx.table(NodeSheet.layout), ctx)
        let phases = PhaseSheet.read(ctx.table(PhaseSheet.layout), ctx)
        let indicators = IndicatorSheet.read(ctx.table(IndicatorSheet.layout), ctx)
        let participations = ParticipationSheet.read(ctx.table(ParticipationSheet.layout), ctx)
        let campaigns = CampaignSheet.read(ctx.table(CampaignSheet.layout), ctx)
        let values = ValueSheet.read(ctx.table(ValueSheet.layout), ctx)
        let validations = ValidationSheet.read(ctx.table(ValidationSheet.layout), ctx)

        guard ctx.log.isEmpty, let ente, let planRow else { throw WorkbookErrors(sorted(ctx.log.errors)) }
        return PlanBundle(
            ente: ente, source: planRow.source, units: units, people: people, assignments: assignments,
            politicalReferents: referents, classifications: classifications, plan: planRow.plan, nodes: nodes,
            phases: phases, indicators: indicators, participations: participations, campaigns: campaigns,
            values: values, validations: validations)
    }

    /// In workbook order: by sheet, then row, then column (A before B, Z before AA).
    private static func sorted(_ errors: [WorkbookError]) -> [WorkbookError] {
        let order = Dictionary(uniqueKeysWithValues: layouts.enumerated().map { ($1.name, $0) })
        return errors.enumerated().sorted { a, b in
            let ka = (order[a.element.sheet] ?? -1, a.element.row, a.element.column.count, a.element.column, a.offset)
            let kb = (order[b.element.sheet] ?? -1, b.element.row, b.element.column.count, b.element.column, b.offset)
            return ka < kb
        }.map(\.element)
    }
}
