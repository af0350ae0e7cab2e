import Foundation
import TraguardoCore
import Vapor

/// The act approving the Relazione, as the documents page's form sends it. An empty organ clears the act.
struct ReportApprovalForm: Content {
    var organ: String?
    var number: String?
    var date: String?
    var subject: String?
    var technical: String?
    var accounting: String?
    var favourable: String?
    var against: String?
    var abstained: String?
    var immediate: String?
    var publishedOn: String?
    var days: String?

    var fields: DocumentsPage.ApprovalFields {
        var f = DocumentsPage.ApprovalFields()
        f.organ = organ ?? ""
        f.number = number ?? ""
        f.date = date ?? ""
        f.subject = subject ?? ""
        f.technical = technical ?? ""
        f.accounting = accounting ?? ""
        f.favourable = favourable ?? ""
        f.against = against ?? ""
        f.abstained = abstained ?? ""
        f.immediate = immediate != nil
        f.publishedOn = publishedOn ?? ""
        f.days = days ?? ""
        return f
    }

    /// nil (with success) clears the recorded act; messages name the field.
    func deliberation() -> Result<Deliberation?, FormError> {
        guard let organ = organ.nonEmpty else { return .success(nil) }
        func day(_ text: String?, _ label: String) -> Result<Day?, FormError> {
            guard let text = text.nonEmpty else { return .success(nil) }
            guard let d = Day(parsing: text) else { return .failure(FormError("«\(label)»: «\(text)» non è una data (gg/mm/aaaa).")) }
            return .success(d)
        }
        func count(_ text: String?, _ label: String) -> Result<Int?, FormError> {
            guard let text = text.nonEmpty else { return .success(nil) }
            guard let n = Int(text), n >= 0 else { return .failure(FormError("«\(label)»: indica un numero intero di voti, 0 o più.")) }
            return .success(n)
        }
        do {
            let date = try day(self.date, "Data").get()
            let published = try day(publishedOn, "Pubblicazione dal").get()
            let votes = (try count(favourable, "Favorevoli").get(), try count(against, "Contrari").get(), try count(abstained, "Astenuti").get())
            var opinions: [Deliberation.Opinion] = []
            if let by = technical.nonEmpty { opinions.append(.init(kind: "regolarità tecnica", by: by)) }
            if let by = accounting.nonEmpty { opinions.append(.init(kind: "regolarità contabile", by: by)) }
            let days = Int(self.days.nonEmpty ?? "15") ?? 0
            guard days > 0 else { return .failure(FormError("«Giorni di pubblicazione»: indica un numero di giorni maggiore di 0.")) }
            let tally = votes.0.map { Deliberation.Votes(favourable: $0, against: votes.1 ?? 0, abstained: votes.2 ?? 0) }
            if tally == nil, votes.1 != nil || votes.2 != nil {
                return .failure(FormError("«Favorevoli»: indica i voti favorevoli insieme ai contrari e agli astenuti."))
            }
            return .success(
                Deliberation(
                    organ: organ, number: number.nonEmpty, date: date, subject: subject.nonEmpty, opinions: opinions, votes: tally,
                    immediatelyExecutable: immediate != nil, publishedOn: published, publicationDays: days))
        } catch {
            return .failure(error)
        }
    }
}
