<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Stuurploeg</source>
        <translation>Over Stuurploeg</translation>
    </message>
    <message>
        <source>Stuurploeg, version %1</source>
        <translation>Stuurploeg, versie %1</translation>
    </message>
    <message>
        <source>Case prioritisation and capacity planning for the stuurploeg mensenhandel.</source>
        <translation>Zaken prioriteren en capaciteit plannen voor de stuurploeg mensenhandel.</translation>
    </message>
    <message>
        <source>Licence: %1</source>
        <translation>Licentie: %1</translation>
    </message>
    <message>
        <source>Your data stays on this laptop: Stuurploeg makes no network connections and sends nothing anywhere. It writes only to the workspaces and exports you choose, and to its settings and log file shown here.</source>
        <translation>Uw gegevens blijven op deze laptop: Stuurploeg maakt geen netwerkverbindingen en verstuurt niets. Het programma schrijft alleen in de werkruimtes en exports die u zelf kiest, en in de instellingen en het logbestand die hier staan.</translation>
    </message>
    <message>
        <source>Log file:</source>
        <translation>Logbestand:</translation>
    </message>
    <message>
        <source>Settings:</source>
        <translation>Instellingen:</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Logmap openen</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Stuurploeg cannot start safely</source>
        <translation>Stuurploeg kan niet veilig starten</translation>
    </message>
</context>
<context>
    <name>CapacityModel</name>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Formation</source>
        <translation>Formatie</translation>
    </message>
    <message>
        <source>Staffed</source>
        <translation>Bezetting</translation>
    </message>
    <message>
        <source>Deployable %</source>
        <translation>Inzetbaar %</translation>
    </message>
    <message>
        <source>Deployable fte</source>
        <translation>Inzetbaar fte</translation>
    </message>
    <message>
        <source>Running (avg)</source>
        <translation>Lopend (gem.)</translation>
    </message>
    <message>
        <source>Planned (avg)</source>
        <translation>Gepland (gem.)</translation>
    </message>
    <message>
        <source>Overbooked weeks</source>
        <translation>Overboekte weken</translation>
    </message>
    <message>
        <source>Overbooked weeks per kind:</source>
        <translation>Overboekte weken per soort:</translation>
    </message>
</context>
<context>
    <name>CapacityPanel</name>
    <message>
        <source>Total fte or one specialism</source>
        <translation>Totaal fte of één specialisme</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>Grafiek:</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>Alle teams</translation>
    </message>
    <message>
        <source>No capacity sheet imported yet.</source>
        <translation>Nog geen capaciteitsoverzicht geïmporteerd.</translation>
    </message>
    <message>
        <source>The chart appears once a plan has been made.</source>
        <translation>De grafiek verschijnt zodra er een planning is gemaakt.</translation>
    </message>
    <message>
        <source>available</source>
        <translation>beschikbaar</translation>
    </message>
    <message>
        <source>running</source>
        <translation>lopend</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>gepland</translation>
    </message>
    <message>
        <source>overbooked</source>
        <translation>overboekt</translation>
    </message>
    <message>
        <source>%1: %2 overbooked weeks in this view.</source>
        <translation>%1: %2 overboekte weken in dit overzicht.</translation>
    </message>
</context>
<context>
    <name>CapacityStrip</name>
    <message>
        <source>%1 wk over</source>
        <translation>%1 wk te veel</translation>
    </message>
    <message>
        <source>Capacity:</source>
        <translation>Capaciteit:</translation>
    </message>
    <message>
        <source>Per team: fte of running work plus the take-ups decided in this meeting, against the fte available, in the team&apos;s busiest week.</source>
        <translation>Per team: fte van lopende zaken plus de in deze vergadering opgepakte zaken, tegen de beschikbare fte, in de drukste week van het team.</translation>
    </message>
    <message>
        <source>%1: this meeting took up %2 fte; %3 weeks overloaded.</source>
        <translation>%1: deze vergadering pakte %2 fte op; %3 weken overbelast.</translation>
    </message>
</context>
<context>
    <name>CaseDetailPanel</name>
    <message>
        <source>Details</source>
        <translation>Gegevens</translation>
    </message>
    <message>
        <source>Score per criterion</source>
        <translation>Score per criterium</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Planning</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Besluiten</translation>
    </message>
    <message>
        <source>Select a case in the Ranglijst.</source>
        <translation>Kies een zaak in de ranglijst.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Form of exploitation</source>
        <translation>Uitbuitingsvorm</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>Slachtoffers</translation>
    </message>
    <message>
        <source>Minors</source>
        <translation>Minderjarigen</translation>
    </message>
    <message>
        <source>Suspects</source>
        <translation>Verdachten</translation>
    </message>
    <message>
        <source>International</source>
        <translation>Internationaal</translation>
    </message>
    <message>
        <source>Violence</source>
        <translation>Geweld</translation>
    </message>
    <message>
        <source>Ongoing exploitation</source>
        <translation>Actuele uitbuiting</translation>
    </message>
    <message>
        <source>fte needed</source>
        <translation>Benodigde fte</translation>
    </message>
    <message>
        <source>Duration (weeks)</source>
        <translation>Doorlooptijd (weken)</translation>
    </message>
    <message>
        <source>Specialist fte: %1</source>
        <translation>Specialistische fte: %1</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Start week</source>
        <translation>Startweek</translation>
    </message>
    <message>
        <source>Earliest start</source>
        <translation>Vroegste start</translation>
    </message>
    <message>
        <source>Latest start</source>
        <translation>Uiterste start</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Eenheid</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Opmerkingen</translation>
    </message>
    <message>
        <source>No ranking yet: the score appears once the cases are ranked.</source>
        <translation>Nog geen ranglijst: de score verschijnt zodra de zaken gerangschikt zijn.</translation>
    </message>
    <message>
        <source>Not scored.</source>
        <translation>Niet gescoord.</translation>
    </message>
    <message>
        <source>Score %1 of 100, rank %2.</source>
        <translation>Score %1 van 100, plaats %2.</translation>
    </message>
    <message>
        <source>No plan made yet.</source>
        <translation>Nog geen planning gemaakt.</translation>
    </message>
    <message>
        <source>Proposal (%1 planner), made %2.</source>
        <translation>Voorstel (planner %1), gemaakt op %2.</translation>
    </message>
    <message>
        <source>In the plan: %1 from week %2 for %3 weeks.</source>
        <translation>In de planning: %1 vanaf week %2, %3 weken.</translation>
    </message>
    <message>
        <source>Not in the plan: %1</source>
        <translation>Niet in de planning: %1</translation>
    </message>
    <message>
        <source>Not a candidate for this plan.</source>
        <translation>Geen kandidaat voor deze planning.</translation>
    </message>
    <message>
        <source>No decisions recorded.</source>
        <translation>Nog geen besluiten vastgelegd.</translation>
    </message>
    <message>
        <source>final</source>
        <translation>vastgesteld</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>concept</translation>
    </message>
</context>
<context>
    <name>CaseSummary</name>
    <message>
        <source>Select a case in the ranking (↑/↓, or type its rank).</source>
        <translation>Kies een zaak in de ranglijst (↑/↓, of typ de plaats).</translation>
    </message>
    <message>
        <source>priority rule</source>
        <translation>voorrangsregel</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>onvolledig</translation>
    </message>
    <message>
        <source>fragile</source>
        <translation>wankel</translation>
    </message>
    <message>
        <source>%1 victims</source>
        <translation>%1 slachtoffers</translation>
    </message>
    <message>
        <source> (%1 minors)</source>
        <translation> (%1 minderjarig)</translation>
    </message>
    <message>
        <source>%1 fte × %2 weeks</source>
        <translation>%1 fte × %2 weken</translation>
    </message>
    <message>
        <source>No plan made yet.</source>
        <translation>Nog geen planning gemaakt.</translation>
    </message>
    <message>
        <source>In the plan for %1 weeks.</source>
        <translation>In de planning voor %1 weken.</translation>
    </message>
    <message>
        <source>Not in the plan: %1</source>
        <translation>Niet in de planning: %1</translation>
    </message>
    <message>
        <source>Not a candidate for this plan.</source>
        <translation>Geen kandidaat voor deze planning.</translation>
    </message>
    <message>
        <source>final</source>
        <translation>vastgesteld</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>concept</translation>
    </message>
    <message>
        <source>Decided on %1: %2 (%3).</source>
        <translation>Besloten op %1: %2 (%3).</translation>
    </message>
</context>
<context>
    <name>DecisionForm</name>
    <message>
        <source>Type 1–6 to choose the kind of decision</source>
        <translation>Typ 1–6 om het soort besluit te kiezen</translation>
    </message>
    <message>
        <source>dd-mm-yyyy</source>
        <translation>dd-mm-jjjj</translation>
    </message>
    <message>
        <source>until the next meeting</source>
        <translation>tot de volgende vergadering</translation>
    </message>
    <message>
        <source>Alt+M; required when departing from the proposal</source>
        <translation>Alt+M; verplicht bij afwijken van het voorstel</translation>
    </message>
    <message>
        <source>Inform the victims</source>
        <translation>Slachtoffers informeren</translation>
    </message>
    <message>
        <source>Record (Ctrl+Enter)</source>
        <translation>Vastleggen (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Besluit:</translation>
    </message>
    <message>
        <source>Team:</source>
        <translation>Team:</translation>
    </message>
    <message>
        <source>Start week:</source>
        <translation>Startweek:</translation>
    </message>
    <message>
        <source>fte:</source>
        <translation>fte:</translation>
    </message>
    <message>
        <source>Extra weeks:</source>
        <translation>Extra weken:</translation>
    </message>
    <message>
        <source>Parked until:</source>
        <translation>Geparkeerd tot:</translation>
    </message>
    <message>
        <source>Hand over to:</source>
        <translation>Overdragen aan:</translation>
    </message>
    <message>
        <source>To whom exactly:</source>
        <translation>Aan wie precies:</translation>
    </message>
    <message>
        <source>Motivation:</source>
        <translation>Motivering:</translation>
    </message>
    <message>
        <source>Select a case in the Ranglijst, then press Enter.</source>
        <translation>Kies een zaak in de ranglijst en druk op Enter.</translation>
    </message>
    <message>
        <source>Start week: write it as 2026-W50.</source>
        <translation>Startweek: schrijf die als 2026-W50.</translation>
    </message>
    <message>
        <source>Parked until: write the date as 15-01-2027, or tick “until the next meeting”.</source>
        <translation>Geparkeerd tot: schrijf de datum als 15-01-2027, of vink “tot de volgende vergadering” aan.</translation>
    </message>
    <message>
        <source>Decision on %1</source>
        <translation>Besluit over %1</translation>
    </message>
    <message>
        <source>Decision on %1 recorded: %2 (draft).</source>
        <translation>Besluit over %1 vastgelegd: %2 (concept).</translation>
    </message>
    <message>
        <source>Replace draft decision</source>
        <translation>Conceptbesluit vervangen</translation>
    </message>
    <message>
        <source>This meeting already holds a draft decision about %1: %2. Replace it with the decision in the form? The old draft is removed.</source>
        <translation>Deze vergadering heeft al een conceptbesluit over %1: %2. Vervangen door het besluit in het formulier? Het oude concept verdwijnt dan.</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Vervangen</translation>
    </message>
    <message>
        <source>Keep the first</source>
        <translation>Eerste houden</translation>
    </message>
</context>
<context>
    <name>DecisionListModel</name>
    <message>
        <source>Case</source>
        <translation>Zaak</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Besluit</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Gegevens</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Door</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source> (correction)</source>
        <translation> (correctie)</translation>
    </message>
    <message>
        <source>final</source>
        <translation>vastgesteld</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>concept</translation>
    </message>
</context>
<context>
    <name>DecisionsPanel</name>
    <message>
        <source>Correct selected</source>
        <translation>Gekozen besluit corrigeren</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Concept verwijderen</translation>
    </message>
    <message>
        <source>Finalise list…</source>
        <translation>Besluitenlijst vaststellen…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporteren…</translation>
    </message>
    <message>
        <source>Decisions are recorded in a workspace: open or create one.</source>
        <translation>Besluiten worden vastgelegd in een werkruimte: open of maak er een.</translation>
    </message>
    <message>
        <source>Select a final decision in the list to correct it.</source>
        <translation>Kies een vastgesteld besluit in de lijst om het te corrigeren.</translation>
    </message>
    <message>
        <source>Correcting decision %1: fill in the correct decision and a motivation.</source>
        <translation>Correctie van besluit %1: vul het juiste besluit en een motivering in.</translation>
    </message>
    <message>
        <source>Only drafts can be deleted; correct a final decision instead.</source>
        <translation>Alleen concepten kunnen worden verwijderd; corrigeer een vastgesteld besluit.</translation>
    </message>
    <message>
        <source>Finalise decision list</source>
        <translation>Besluitenlijst vaststellen</translation>
    </message>
    <message>
        <source>Finalise the %1 draft decisions of %2? Final decisions can no longer be changed, only corrected.</source>
        <translation>De %1 conceptbesluiten van %2 vaststellen? Vastgestelde besluiten kunnen niet meer worden gewijzigd, alleen gecorrigeerd.</translation>
    </message>
    <message>
        <source>The decision list has been finalised.</source>
        <translation>De besluitenlijst is vastgesteld.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something unexpected went wrong (%1). Nothing has been changed. The details are in the log file; try again, and tell your administrator if it happens again.</source>
        <translation>Er ging iets onverwachts mis (%1). Er is niets gewijzigd. De details staan in het logbestand; probeer het opnieuw en meld het bij uw beheerder als het vaker gebeurt.</translation>
    </message>
</context>
<context>
    <name>ExceptionHandler</name>
    <message>
        <source>Unexpected error</source>
        <translation>Onverwachte fout</translation>
    </message>
    <message>
        <source>Something went wrong that Stuurploeg did not expect. Your data has been saved. Save your work, restart the app and, if it happens again, send the log file to your administrator:
%1</source>
        <translation>Er ging iets mis dat Stuurploeg niet verwachtte. Uw gegevens zijn opgeslagen. Start de app opnieuw en stuur, als het nog eens gebeurt, het logbestand naar uw beheerder:
%1</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;New workspace…</source>
        <translation>&amp;Nieuwe werkruimte…</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>&amp;Werkruimte openen…</translation>
    </message>
    <message>
        <source>Recent &amp;workspaces</source>
        <translation>&amp;Recente werkruimtes</translation>
    </message>
    <message>
        <source>&amp;Import workbook…</source>
        <translation>Werkmap &amp;importeren…</translation>
    </message>
    <message>
        <source>&amp;Export decision list…</source>
        <translation>Besluitenlijst &amp;exporteren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>Werkruimte openen</translation>
    </message>
    <message>
        <source>Workspaces (*.stuurploeg)</source>
        <translation>Werkruimtes (*.stuurploeg)</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>Nieuwe werkruimte</translation>
    </message>
    <message>
        <source>Export decision list</source>
        <translation>Besluitenlijst exporteren</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-werkmappen (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a workbook</source>
        <translation>Kies een werkmap</translation>
    </message>
    <message>
        <source>A case list (zakenlijst) or a capacity sheet, as .xlsx, .xlsm, .xls or .ods.</source>
        <translation>Een zakenlijst of een capaciteitsoverzicht, als .xlsx, .xlsm, .xls of .ods.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <source>Recognise automatically</source>
        <translation>Automatisch herkennen</translation>
    </message>
    <message>
        <source>Case list</source>
        <translation>Zakenlijst</translation>
    </message>
    <message>
        <source>Capacity sheet</source>
        <translation>Capaciteitsoverzicht</translation>
    </message>
    <message>
        <source>Workbook:</source>
        <translation>Werkmap:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Soort:</translation>
    </message>
    <message>
        <source>Workbooks (*.xlsx *.xlsm *.xls *.ods)</source>
        <translation>Werkmappen (*.xlsx *.xlsm *.xls *.ods)</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Reading the workbook…</source>
        <translation>Werkmap lezen…</translation>
    </message>
    <message>
        <source>Import workbook</source>
        <translation>Werkmap importeren</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Volgende &gt;</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Vorige</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>IssueModel</name>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Blad</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Rij</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>error</source>
        <translation>fout</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>waarschuwing</translation>
    </message>
</context>
<context>
    <name>KeyMap</name>
    <message>
        <source>Ranking: previous / next case</source>
        <translation>Ranglijst: vorige / volgende zaak</translation>
    </message>
    <message>
        <source>Ranking: first / last case</source>
        <translation>Ranglijst: eerste / laatste zaak</translation>
    </message>
    <message>
        <source>Ranking: type a rank to go to that case</source>
        <translation>Ranglijst: typ een plaats om naar die zaak te gaan</translation>
    </message>
    <message>
        <source>Ranking: type (part of) a case number to go to it</source>
        <translation>Ranglijst: typ (een deel van) een zaaknummer om erheen te gaan</translation>
    </message>
    <message>
        <source>Search; Enter selects the first match</source>
        <translation>Zoeken; Enter kiest de eerste treffer</translation>
    </message>
    <message>
        <source>Ranking: decide on the selected case</source>
        <translation>Ranglijst: besluiten over de gekozen zaak</translation>
    </message>
    <message>
        <source>Decision field: 1 take up, 2 investigate further, 3 park, 4 do not take up, 5 hand over, 6 close</source>
        <translation>Veld Besluit: 1 oppakken, 2 doorrechercheren, 3 parkeren, 4 niet oppakken, 5 overdragen, 6 afsluiten (door naar het eerste veld)</translation>
    </message>
    <message>
        <source>Next / previous field; ranking → form → save</source>
        <translation>Volgend / vorig veld; ranglijst → formulier → vastleggen</translation>
    </message>
    <message>
        <source>To the motivation</source>
        <translation>Naar de motivering</translation>
    </message>
    <message>
        <source>Record the decision; on to the next undecided case</source>
        <translation>Besluit vastleggen; door naar de volgende zaak zonder besluit</translation>
    </message>
    <message>
        <source>Cancel: the form back to the proposal</source>
        <translation>Annuleren: het formulier terug naar het voorstel</translation>
    </message>
    <message>
        <source>Undo the last draft decision</source>
        <translation>Laatste conceptbesluit ongedaan maken</translation>
    </message>
    <message>
        <source>Meeting layout on / off</source>
        <translation>Vergadermodus aan / uit</translation>
    </message>
    <message>
        <source>This keyboard map</source>
        <translation>Dit toetsenoverzicht</translation>
    </message>
</context>
<context>
    <name>KeyMapDialog</name>
    <message>
        <source>Keyboard map</source>
        <translation>Toetsenoverzicht</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Severity</source>
        <translation>Ernst</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgentie</translation>
    </message>
    <message>
        <source>Information position</source>
        <translation>Informatiepositie</translation>
    </message>
    <message>
        <source>Evidential prospects</source>
        <translation>Bewijskansen</translation>
    </message>
    <message>
        <source>Potential to investigate further</source>
        <translation>Doorrechercheerpotentie</translation>
    </message>
    <message>
        <source>Societal impact</source>
        <translation>Maatschappelijke impact</translation>
    </message>
    <message>
        <source>Sev.</source>
        <translation>Ernst</translation>
    </message>
    <message>
        <source>Urg.</source>
        <translation>Urg.</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Evid.</source>
        <translation>Bewijs</translation>
    </message>
    <message>
        <source>Furth.</source>
        <translation>Doorr.</translation>
    </message>
    <message>
        <source>Imp.</source>
        <translation>Impact</translation>
    </message>
    <message>
        <source>Take up</source>
        <translation>Oppakken</translation>
    </message>
    <message>
        <source>Investigate further</source>
        <translation>Doorrechercheren</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>Parkeren</translation>
    </message>
    <message>
        <source>Do not take up</source>
        <translation>Niet oppakken</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>Overdragen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <source>Total fte</source>
        <translation>Totaal fte</translation>
    </message>
    <message>
        <source>Digital</source>
        <translation>Digitaal</translation>
    </message>
    <message>
        <source>Financial</source>
        <translation>Financieel</translation>
    </message>
    <message>
        <source>Tactical</source>
        <translation>Tactisch</translation>
    </message>
    <message>
        <source>Intelligence</source>
        <translation>Intelligence</translation>
    </message>
    <message>
        <source>Rank order</source>
        <translation>Rangorde</translation>
    </message>
    <message>
        <source>Rank order + fill up</source>
        <translation>Rangorde + opvullen</translation>
    </message>
    <message>
        <source>Optimal</source>
        <translation>Optimaal</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Stuurploeg</source>
        <translation>Stuurploeg</translation>
    </message>
    <message>
        <source>Weighting</source>
        <translation>Weging</translation>
    </message>
    <message>
        <source>Case detail</source>
        <translation>Zaakdetail</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capaciteit</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Besluiten</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Opnieuw</translation>
    </message>
    <message>
        <source>Change &amp;position…</source>
        <translation>&amp;Positie aanpassen…</translation>
    </message>
    <message>
        <source>&amp;Find case</source>
        <translation>Zaak &amp;zoeken</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>&amp;Planning</translation>
    </message>
    <message>
        <source>&amp;Make plan…</source>
        <translation>Planning &amp;maken…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <source>&amp;Meeting layout</source>
        <translation>&amp;Vergadermodus</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Keyboard map</source>
        <translation>&amp;Toetsenoverzicht</translation>
    </message>
    <message>
        <source>&amp;About Stuurploeg…</source>
        <translation>&amp;Over Stuurploeg…</translation>
    </message>
    <message>
        <source>%1 — Stuurploeg</source>
        <translation>%1 — Stuurploeg</translation>
    </message>
    <message>
        <source>Select a ranked case first.</source>
        <translation>Kies eerst een gerangschikte zaak.</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Columns</source>
        <translation>Kolommen</translation>
    </message>
    <message>
        <source>Choose which column holds each field. Columns that no field uses are not imported.</source>
        <translation>Kies per gegeven de kolom waarin het staat. Kolommen die bij geen gegeven horen, worden niet geïmporteerd.</translation>
    </message>
    <message>
        <source>The mapping you chose last time for this layout has been restored.</source>
        <translation>De kolomkeuze die u de vorige keer voor deze indeling maakte, is teruggezet.</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(niet geïmporteerd)</translation>
    </message>
    <message>
        <source>%1  (not imported)</source>
        <translation>%1  (niet geïmporteerd)</translation>
    </message>
</context>
<context>
    <name>MeetingFields</name>
    <message>
        <source>e.g. mensenhandelofficier</source>
        <translation>bijv. mensenhandelofficier</translation>
    </message>
    <message>
        <source>Meeting:</source>
        <translation>Vergadering:</translation>
    </message>
    <message>
        <source>Decided by:</source>
        <translation>Besloten door:</translation>
    </message>
</context>
<context>
    <name>MeetingRoom</name>
    <message>
        <source>Keyboard map (F1)</source>
        <translation>Toetsenoverzicht (F1)</translation>
    </message>
    <message>
        <source>Finalise…</source>
        <translation>Vaststellen…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporteren…</translation>
    </message>
    <message>
        <source>%1 of %2 decided</source>
        <translation>%1 van %2 besloten</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>Stuurploeg</source>
        <translation>Stuurploeg</translation>
    </message>
    <message>
        <source>Import merged</source>
        <translation>Import samengevoegd</translation>
    </message>
    <message>
        <source>Export ready</source>
        <translation>Export klaar</translation>
    </message>
    <message>
        <source>The decision list has been written to %1.</source>
        <translation>De besluitenlijst is opgeslagen in %1.</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Map openen</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Make plan</source>
        <translation>Planning maken</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>The difference from the previous plan appears here.</source>
        <translation>Hier verschijnt het verschil met de vorige planning.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Planner:</source>
        <translation>Planner:</translation>
    </message>
    <message>
        <source>Time budget:</source>
        <translation>Rekentijd:</translation>
    </message>
    <message>
        <source>Horizon (weeks):</source>
        <translation>Horizon (weken):</translation>
    </message>
    <message>
        <source>Import a case list and a capacity sheet first.</source>
        <translation>Importeer eerst een zakenlijst en een capaciteitsoverzicht.</translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation>Bezig met plannen…</translation>
    </message>
    <message>
        <source>Stopped: the previous plan is kept.</source>
        <translation>Gestopt: de vorige planning blijft staan.</translation>
    </message>
    <message>
        <source>%1 cases planned, %2 do not fit; total priority %3.</source>
        <translation>%1 zaken ingepland, %2 passen niet; totale prioriteit %3.</translation>
    </message>
    <message>
        <source>No previous plan to compare with.</source>
        <translation>Geen vorige planning om mee te vergelijken.</translation>
    </message>
    <message>
        <source>Total priority: %1 → %2</source>
        <translation>Totale prioriteit: %1 → %2</translation>
    </message>
    <message>
        <source>Newly in the plan: %1</source>
        <translation>Nieuw in de planning: %1</translation>
    </message>
    <message>
        <source>No longer in the plan: %1</source>
        <translation>Niet meer in de planning: %1</translation>
    </message>
    <message>
        <source>Other team or start week: %1</source>
        <translation>Ander team of andere startweek: %1</translation>
    </message>
</context>
<context>
    <name>PositionDialog</name>
    <message>
        <source>Change position</source>
        <translation>Positie aanpassen</translation>
    </message>
    <message>
        <source>Why does this case belong at this place? (required)</source>
        <translation>Waarom hoort deze zaak op deze plaats? (verplicht)</translation>
    </message>
    <message>
        <source>Case:</source>
        <translation>Zaak:</translation>
    </message>
    <message>
        <source>New position:</source>
        <translation>Nieuwe positie:</translation>
    </message>
    <message>
        <source>Motivation:</source>
        <translation>Motivering:</translation>
    </message>
    <message>
        <source>A motivation is required to move a case.</source>
        <translation>Een motivering is verplicht om een zaak te verplaatsen.</translation>
    </message>
    <message>
        <source>Move %1 to %2</source>
        <translation>%1 naar plaats %2</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <source>Rank</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Zaak</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Vorm</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>fte</source>
        <translation>fte</translation>
    </message>
    <message>
        <source>Weeks</source>
        <translation>Weken</translation>
    </message>
    <message>
        <source>Specialist fte</source>
        <translation>Specialist-fte</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Voorstel</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Besluit</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Kenmerken</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>voorrang</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>onvolledig</translation>
    </message>
    <message>
        <source>fragile</source>
        <translation>wankel</translation>
    </message>
</context>
<context>
    <name>RankingView</name>
    <message>
        <source>Search case number or name…</source>
        <translation>Zoek op zaaknummer of naam…</translation>
    </message>
    <message>
        <source>All forms</source>
        <translation>Alle vormen</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle statussen</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>Alle teams</translation>
    </message>
    <message>
        <source>In and out of plan</source>
        <translation>In en buiten planning</translation>
    </message>
    <message>
        <source>In plan</source>
        <translation>In planning</translation>
    </message>
    <message>
        <source>Out of plan</source>
        <translation>Buiten planning</translation>
    </message>
    <message>
        <source>%1 of %2 cases</source>
        <translation>%1 van %2 zaken</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Check</source>
        <translation>Controle</translation>
    </message>
    <message>
        <source>Import without the rows that have errors</source>
        <translation>Importeren zonder de rijen met fouten</translation>
    </message>
    <message>
        <source>%1 usable rows, %2 errors, %3 warnings.</source>
        <translation>%1 bruikbare rijen, %2 fouten, %3 waarschuwingen.</translation>
    </message>
    <message>
        <source>Columns not imported: %1.</source>
        <translation>Niet geïmporteerde kolommen: %1.</translation>
    </message>
    <message>
        <source>Sheet %1, row %2</source>
        <translation>Blad %1, rij %2</translation>
    </message>
    <message>
        <source>This row is not in the preview; open the workbook at this row.</source>
        <translation>Deze rij staat niet in het voorbeeld; open de werkmap bij deze rij.</translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <source>Sheet and header row</source>
        <translation>Blad en kopregel</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Blad:</translation>
    </message>
    <message>
        <source>Header row:</source>
        <translation>Kopregel:</translation>
    </message>
    <message>
        <source>row %1 (marked)</source>
        <translation>rij %1 (gemarkeerd)</translation>
    </message>
    <message>
        <source>not found: map the columns by hand on the next page</source>
        <translation>niet gevonden: kies de kolommen zelf op de volgende pagina</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>No sample data found in %1.</source>
        <translation>Geen voorbeeldgegevens gevonden in %1.</translation>
    </message>
    <message>
        <source>%1 cases loaded from %2.</source>
        <translation>%1 zaken geladen uit %2.</translation>
    </message>
    <message>
        <source>Capacity of %1 teams imported from %2.</source>
        <translation>Capaciteit van %1 teams geïmporteerd uit %2.</translation>
    </message>
</context>
<context>
    <name>WeightsPanel</name>
    <message>
        <source>Save as…</source>
        <translation>Opslaan als…</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Herstellen</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profiel:</translation>
    </message>
    <message>
        <source>Import or open cases to weigh them.</source>
        <translation>Importeer of open zaken om ze te wegen.</translation>
    </message>
    <message>
        <source>Choose profile %1</source>
        <translation>Profiel %1 kiezen</translation>
    </message>
    <message>
        <source>Save weighting</source>
        <translation>Weging opslaan</translation>
    </message>
    <message>
        <source>Name of the profile:</source>
        <translation>Naam van het profiel:</translation>
    </message>
    <message>
        <source>Reset weighting</source>
        <translation>Weging herstellen</translation>
    </message>
    <message>
        <source>Weight %1</source>
        <translation>Gewicht %1</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Making the sample workspace…</source>
        <translation>Voorbeeldwerkruimte maken…</translation>
    </message>
    <message>
        <source>Merging %1…</source>
        <translation>%1 samenvoegen…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 openen…</translation>
    </message>
    <message>
        <source>%1 cases in %2.</source>
        <translation>%1 zaken in %2.</translation>
    </message>
    <message>
        <source>Imported %1: %2 new, %3 changed, %4 gone.</source>
        <translation>%1 geïmporteerd: %2 nieuw, %3 gewijzigd, %4 verdwenen.</translation>
    </message>
    <message>
        <source>%1 rows with errors were skipped.</source>
        <translation>%1 rijen met fouten zijn overgeslagen.</translation>
    </message>
    <message>
        <source>Decisions are recorded in a workspace: open or create one.</source>
        <translation>Besluiten worden vastgelegd in een werkruimte: open of maak er een.</translation>
    </message>
    <message>
        <source>The plan proposal is still being made; record the decision once it is shown.</source>
        <translation>Het voorstel van de planning wordt nog gemaakt; leg het besluit vast zodra het voorstel te zien is.</translation>
    </message>
    <message>
        <source>Select a case in the Ranglijst first (%1 is not in it).</source>
        <translation>Kies eerst een zaak in de Ranglijst (%1 staat er niet in).</translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation>Nieuw: %1</translation>
    </message>
    <message>
        <source>Changed %1, %2: %3 → %4</source>
        <translation>Gewijzigd %1, %2: %3 → %4</translation>
    </message>
    <message>
        <source>Gone (kept, with their decisions): %1</source>
        <translation>Verdwenen (bewaard, met hun besluiten): %1</translation>
    </message>
    <message>
        <source>Not in the file but left unchanged (rows were skipped): %1</source>
        <translation>Niet in het bestand, maar ongewijzigd gelaten (er zijn rijen overgeslagen): %1</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Niets gewijzigd.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Bezig met exporteren…</translation>
    </message>
    <message>
        <source>Decision list written to %1.</source>
        <translation>Besluitenlijst opgeslagen in %1.</translation>
    </message>
</context>
</TS>
