/// Missioni and Programmi of D.Lgs. 118/2011, Allegato 14 (generated from shared/catalogues/missioni-programmi.csv).
/// Programmi reserved to the Regioni are included, as in the Allegato; local enti do not use them.
public struct Programma: Hashable, Sendable, Codable {
    public let missione: String
    public let missioneName: String
    public let code: String
    public let name: String

    public var label: String { "\(code) – \(name)" }
}

public enum MissioniProgrammi {
    public static let all: [Programma] = [
        Programma(missione: "01", missioneName: "Servizi istituzionali, generali e di gestione", code: "0101", name: "Organi istituzionali"),
        Programma(missione: "01", missioneName: "Servizi istituzionali, generali e di gestione", code: "0102", name: "Segreteria generale"),
        Programma(
            missione: "01", missioneName: "Servizi istituzionali, generali e di gestione", code: "0103",
            name: "Gestione economica, finanziaria, programmazione, provveditorato"),
        Programma(
            missione: "01", missioneName: "Servizi istituzionali, generali e di gestione", code: "0104",
            name: "Gestione delle entrate tributarie e servizi fiscali"),
        Programma(
            missione: "01", missioneName: "Servizi istituzionali, generali e di gestione", code: "0105",
            name: "Gestione dei beni demaniali e patrimoniali"),
        Programma(missione: "01", missioneName: "Servizi istituzionali, generali e di gestione", code: "0106", name: "Ufficio tecnico"),
        Programma(
            missione: "01", missioneName: "Servizi istituzionali, generali e di gestione", code: "0107",
            name: "Elezioni e consultazioni popolari - Anagrafe e stato civile"),
        Programma(
            missione: "01", missioneName: "Servizi istituzionali, generali e di gestione", code: "0108", name: "Statistica e sistemi informativi"),
        Programma(
            missione: "01", missioneName: "Servizi istituzionali, generali e di gestione", code: "0109",
            name: "Assistenza tecnico-amministrativa agli enti locali"),
        Programma(missione: "01", missioneName: "Servizi istituzionali, generali e di gestione", code: "0110", name: "Risorse umane"),
        Programma(missione: "01", missioneName: "Servizi istituzionali, generali e di gestione", code: "0111", name: "Altri servizi generali"),
        Programma(
            missione: "01", missioneName: "Servizi istituzionali, generali e di gestione", code: "0112",
            name: "Politica regionale unitaria per i servizi istituzionali, generali e di gestione (solo per le Regioni)"),
        Programma(missione: "02", missioneName: "Giustizia", code: "0201", name: "Uffici giudiziari"),
        Programma(missione: "02", missioneName: "Giustizia", code: "0202", name: "Casa circondariale e altri servizi"),
        Programma(
            missione: "02", missioneName: "Giustizia", code: "0203", name: "Politica regionale unitaria per la giustizia (solo per le Regioni)"),
        Programma(missione: "03", missioneName: "Ordine pubblico e sicurezza", code: "0301", name: "Polizia locale e amministrativa"),
        Programma(missione: "03", missioneName: "Ordine pubblico e sicurezza", code: "0302", name: "Sistema integrato di sicurezza urbana"),
        Programma(
            missione: "03", missioneName: "Ordine pubblico e sicurezza", code: "0303",
            name: "Politica regionale unitaria per l'ordine pubblico e la sicurezza (solo per le Regioni)"),
        Programma(missione: "04", missioneName: "Istruzione e diritto allo studio", code: "0401", name: "Istruzione prescolastica"),
        Programma(
            missione: "04", missioneName: "Istruzione e diritto allo studio", code: "0402", name: "Altri ordini di istruzione non universitaria"),
        Programma(missione: "04", missioneName: "Istruzione e diritto allo studio", code: "0403", name: "Edilizia scolastica (solo per le Regioni)"),
        Programma(missione: "04", missioneName: "Istruzione e diritto allo studio", code: "0404", name: "Istruzione universitaria"),
        Programma(missione: "04", missioneName: "Istruzione e diritto allo studio", code: "0405", name: "Istruzione tecnica superiore"),
        Programma(missione: "04", missioneName: "Istruzione e diritto allo studio", code: "0406", name: "Servizi ausiliari all'istruzione"),
        Programma(missione: "04", missioneName: "Istruzione e diritto allo studio", code: "0407", name: "Diritto allo studio"),
        Programma(
            missione: "04", missioneName: "Istruzione e diritto allo studio", code: "0408",
            name: "Politica regionale unitaria per l'istruzione e il diritto allo studio (solo per le Regioni)"),
        Programma(
            missione: "05", missioneName: "Tutela e valorizzazione dei beni e delle attività culturali", code: "0501",
            name: "Valorizzazione dei beni di interesse storico"),
        Programma(
            missione: "05", missioneName: "Tutela e valorizzazione dei beni e delle attività culturali", code: "0502",
            name: "Attività culturali e interventi diversi nel settore culturale"),
        Programma(
            missione: "05", missioneName: "Tutela e valorizzazione dei beni e delle attività culturali", code: "0503",
            name: "Politica regionale unitaria per la tutela dei beni e delle attività culturali (solo per le Regioni)"),
        Programma(missione: "06", missioneName: "Politiche giovanili, sport e tempo libero", code: "0601", name: "Sport e tempo libero"),
        Programma(missione: "06", missioneName: "Politiche giovanili, sport e tempo libero", code: "0602", name: "Giovani"),
        Programma(
            missione: "06", missioneName: "Politiche giovanili, sport e tempo libero", code: "0603",
            name: "Politica regionale unitaria per i giovani, lo sport e il tempo libero (solo per le Regioni)"),
        Programma(missione: "07", missioneName: "Turismo", code: "0701", name: "Sviluppo e la valorizzazione del turismo"),
        Programma(missione: "07", missioneName: "Turismo", code: "0702", name: "Politica regionale unitaria per il turismo (solo per le Regioni)"),
        Programma(
            missione: "08", missioneName: "Assetto del territorio ed edilizia abitativa", code: "0801", name: "Urbanistica e assetto del territorio"),
        Programma(
            missione: "08", missioneName: "Assetto del territorio ed edilizia abitativa", code: "0802",
            name: "Edilizia residenziale pubblica e locale e piani di edilizia economico-popolare"),
        Programma(
            missione: "08", missioneName: "Assetto del territorio ed edilizia abitativa", code: "0803",
            name: "Politica regionale unitaria per l'assetto del territorio e l'edilizia abitativa (solo per le Regioni)"),
        Programma(
            missione: "09", missioneName: "Sviluppo sostenibile e tutela del territorio e dell'ambiente", code: "0901", name: "Difesa del suolo"),
        Programma(
            missione: "09", missioneName: "Sviluppo sostenibile e tutela del territorio e dell'ambiente", code: "0902",
            name: "Tutela, valorizzazione e recupero ambientale"),
        Programma(missione: "09", missioneName: "Sviluppo sostenibile e tutela del territorio e dell'ambiente", code: "0903", name: "Rifiuti"),
        Programma(
            missione: "09", missioneName: "Sviluppo sostenibile e tutela del territorio e dell'ambiente", code: "0904",
            name: "Servizio idrico integrato"),
        Programma(
            missione: "09", missioneName: "Sviluppo sostenibile e tutela del territorio e dell'ambiente", code: "0905",
            name: "Aree protette, parchi naturali, protezione naturalistica e forestazione"),
        Programma(
            missione: "09", missioneName: "Sviluppo sostenibile e tutela del territorio e dell'ambiente", code: "0906",
            name: "Tutela e valorizzazione delle risorse idriche"),
        Programma(
            missione: "09", missioneName: "Sviluppo sostenibile e tutela del territorio e dell'ambiente", code: "0907",
            name: "Sviluppo sostenibile territorio montano piccoli Comuni"),
        Programma(
            missione: "09", missioneName: "Sviluppo sostenibile e tutela del territorio e dell'ambiente", code: "0908",
            name: "Qualità dell'aria e riduzione dell'inquinamento"),
        Programma(
            missione: "09", missioneName: "Sviluppo sostenibile e tutela del territorio e dell'ambiente", code: "0909",
            name: "Politica regionale unitaria per lo sviluppo sostenibile e la tutela del territorio e l'ambiente (solo per le Regioni)"),
        Programma(missione: "10", missioneName: "Trasporti e diritto alla mobilità", code: "1001", name: "Trasporto ferroviario"),
        Programma(missione: "10", missioneName: "Trasporti e diritto alla mobilità", code: "1002", name: "Trasporto pubblico locale"),
        Programma(missione: "10", missioneName: "Trasporti e diritto alla mobilità", code: "1003", name: "Trasporto per vie d'acqua"),
        Programma(missione: "10", missioneName: "Trasporti e diritto alla mobilità", code: "1004", name: "Altre modalità di trasporto"),
        Programma(missione: "10", missioneName: "Trasporti e diritto alla mobilità", code: "1005", name: "Viabilità e infrastrutture stradali"),
        Programma(
            missione: "10", missioneName: "Trasporti e diritto alla mobilità", code: "1006",
            name: "Politica regionale unitaria per i trasporti e il diritto alla mobilità (solo per le Regioni)"),
        Programma(missione: "11", missioneName: "Soccorso civile", code: "1101", name: "Sistema di protezione civile"),
        Programma(missione: "11", missioneName: "Soccorso civile", code: "1102", name: "Interventi a seguito di calamità naturali"),
        Programma(
            missione: "11", missioneName: "Soccorso civile", code: "1103",
            name: "Politica regionale unitaria per il soccorso e la protezione civile (solo per le Regioni)"),
        Programma(
            missione: "12", missioneName: "Diritti sociali, politiche sociali e famiglia", code: "1201",
            name: "Interventi per l'infanzia e i minori e per asili nido"),
        Programma(missione: "12", missioneName: "Diritti sociali, politiche sociali e famiglia", code: "1202", name: "Interventi per la disabilità"),
        Programma(missione: "12", missioneName: "Diritti sociali, politiche sociali e famiglia", code: "1203", name: "Interventi per gli anziani"),
        Programma(
            missione: "12", missioneName: "Diritti sociali, politiche sociali e famiglia", code: "1204",
            name: "Interventi per soggetti a rischio di esclusione sociale"),
        Programma(missione: "12", missioneName: "Diritti sociali, politiche sociali e famiglia", code: "1205", name: "Interventi per le famiglie"),
        Programma(
            missione: "12", missioneName: "Diritti sociali, politiche sociali e famiglia", code: "1206", name: "Interventi per il diritto alla casa"),
        Programma(
            missione: "12", missioneName: "Diritti sociali, politiche sociali e famiglia", code: "1207",
            name: "Programmazione e governo della rete dei servizi sociosanitari e sociali"),
        Programma(
            missione: "12", missioneName: "Diritti sociali, politiche sociali e famiglia", code: "1208", name: "Cooperazione e associazionismo"),
        Programma(
            missione: "12", missioneName: "Diritti sociali, politiche sociali e famiglia", code: "1209", name: "Servizio necroscopico e cimiteriale"),
        Programma(
            missione: "12", missioneName: "Diritti sociali, politiche sociali e famiglia", code: "1210",
            name: "Politica regionale unitaria per i diritti sociali e la famiglia (solo per le Regioni)"),
        Programma(
            missione: "13", missioneName: "Tutela della salute", code: "1301",
            name: "Servizio sanitario regionale - finanziamento ordinario corrente per la garanzia dei LEA"),
        Programma(
            missione: "13", missioneName: "Tutela della salute", code: "1302",
            name: "Servizio sanitario regionale - finanziamento aggiuntivo corrente per livelli di assistenza superiori ai LEA"),
        Programma(
            missione: "13", missioneName: "Tutela della salute", code: "1303",
            name: "Servizio sanitario regionale - finanziamento aggiuntivo corrente per la copertura dello squilibrio di bilancio corrente"),
        Programma(
            missione: "13", missioneName: "Tutela della salute", code: "1304",
            name: "Servizio sanitario regionale - ripiano di disavanzi sanitari relativi ad esercizi pregressi"),
        Programma(missione: "13", missioneName: "Tutela della salute", code: "1305", name: "Servizio sanitario regionale - investimenti sanitari"),
        Programma(
            missione: "13", missioneName: "Tutela della salute", code: "1306",
            name: "Servizio sanitario regionale - restituzione maggiori gettiti SSN"),
        Programma(missione: "13", missioneName: "Tutela della salute", code: "1307", name: "Ulteriori spese in materia sanitaria"),
        Programma(
            missione: "13", missioneName: "Tutela della salute", code: "1308",
            name: "Politica regionale unitaria per la tutela della salute (solo per le Regioni)"),
        Programma(missione: "14", missioneName: "Sviluppo economico e competitività", code: "1401", name: "Industria, PMI e Artigianato"),
        Programma(
            missione: "14", missioneName: "Sviluppo economico e competitività", code: "1402",
            name: "Commercio - reti distributive - tutela dei consumatori"),
        Programma(missione: "14", missioneName: "Sviluppo economico e competitività", code: "1403", name: "Ricerca e innovazione"),
        Programma(missione: "14", missioneName: "Sviluppo economico e competitività", code: "1404", name: "Reti e altri servizi di pubblica utilità"),
        Programma(
            missione: "14", missioneName: "Sviluppo economico e competitività", code: "1405",
            name: "Politica regionale unitaria per lo sviluppo economico e la competitività (solo per le Regioni)"),
        Programma(
            missione: "15", missioneName: "Politiche per il lavoro e la formazione professionale", code: "1501",
            name: "Servizi per lo sviluppo del mercato del lavoro"),
        Programma(
            missione: "15", missioneName: "Politiche per il lavoro e la formazione professionale", code: "1502", name: "Formazione professionale"),
        Programma(
            missione: "15", missioneName: "Politiche per il lavoro e la formazione professionale", code: "1503", name: "Sostegno all'occupazione"),
        Programma(
            missione: "15", missioneName: "Politiche per il lavoro e la formazione professionale", code: "1504",
            name: "Politica regionale unitaria per il lavoro e la formazione professionale (solo per le Regioni)"),
        Programma(
            missione: "16", missioneName: "Agricoltura, politiche agroalimentari e pesca", code: "1601",
            name: "Sviluppo del settore agricolo e del sistema agroalimentare"),
        Programma(missione: "16", missioneName: "Agricoltura, politiche agroalimentari e pesca", code: "1602", name: "Caccia e pesca"),
        Programma(
            missione: "16", missioneName: "Agricoltura, politiche agroalimentari e pesca", code: "1603",
            name: "Politica regionale unitaria per l'agricoltura, i sistemi agroalimentari, la caccia e la pesca (solo per le Regioni)"),
        Programma(missione: "17", missioneName: "Energia e diversificazione delle fonti energetiche", code: "1701", name: "Fonti energetiche"),
        Programma(
            missione: "17", missioneName: "Energia e diversificazione delle fonti energetiche", code: "1702",
            name: "Politica regionale unitaria per l'energia e la diversificazione delle fonti energetiche (solo per le Regioni)"),
        Programma(
            missione: "18", missioneName: "Relazioni con le altre autonomie territoriali e locali", code: "1801",
            name: "Relazioni finanziarie con le altre autonomie territoriali"),
        Programma(
            missione: "18", missioneName: "Relazioni con le altre autonomie territoriali e locali", code: "1802",
            name: "Politica regionale unitaria per le relazioni con le altre autonomie territoriali (solo per le Regioni)"),
        Programma(
            missione: "19", missioneName: "Relazioni internazionali", code: "1901", name: "Relazioni internazionali e Cooperazione allo sviluppo"),
        Programma(missione: "19", missioneName: "Relazioni internazionali", code: "1902", name: "Cooperazione territoriale (solo per le Regioni)"),
        Programma(missione: "20", missioneName: "Fondi e accantonamenti", code: "2001", name: "Fondo di riserva"),
        Programma(missione: "20", missioneName: "Fondi e accantonamenti", code: "2002", name: "Fondo crediti di dubbia esigibilità"),
        Programma(missione: "20", missioneName: "Fondi e accantonamenti", code: "2003", name: "Altri fondi"),
        Programma(
            missione: "50", missioneName: "Debito pubblico", code: "5001", name: "Quota interessi ammortamento mutui e prestiti obbligazionari"),
        Programma(missione: "50", missioneName: "Debito pubblico", code: "5002", name: "Quota capitale ammortamento mutui e prestiti obbligazionari"),
        Programma(missione: "60", missioneName: "Anticipazioni finanziarie", code: "6001", name: "Restituzione anticipazione di tesoreria"),
        Programma(missione: "99", missioneName: "Servizi per conto terzi", code: "9901", name: "Servizi per conto terzi e Partite di giro"),
        Programma(
            missione: "99", missioneName: "Servizi per conto terzi", code: "9902",
            name: "Anticipazioni per il finanziamento del sistema sanitario nazionale"),
    ]

    public static func programma(_ code: String) -> Programma? { all.first { $0.code == code } }
}
