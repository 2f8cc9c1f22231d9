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
        <extracomment>the start-up safety checks begin this long after the first workspace is shown (or failed to open), and at the latest this long after the window</extracomment>
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
        <source>All teams together or one team</source>
        <translation>Alle teams samen of één team</translation>
    </message>
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
        <source>Moved since the last meeting (was %1 from week %2): %3</source>
        <translation>Verschoven t.o.v. vorige vergadering (was %1 vanaf week %2): %3</translation>
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
    <name>CellCasesModel</name>
    <message>
        <source>Case</source>
        <translation>Zaak</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>fte</source>
        <translation>fte</translation>
    </message>
    <message>
        <source>running</source>
        <translation>lopend</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>gepland</translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message>
        <source>Base → scenario</source>
        <translation>Basis → scenario</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Verschil</translation>
    </message>
    <message>
        <source>Total priority</source>
        <translation>Totale prioriteit</translation>
    </message>
    <message>
        <source>Cases planned</source>
        <translation>Zaken ingepland</translation>
    </message>
    <message>
        <source>Overloaded team-weeks</source>
        <translation>Overboekte team-weken</translation>
    </message>
    <message>
        <source>Newly in the plan</source>
        <translation>Nieuw ingepland</translation>
    </message>
    <message>
        <source>No longer in the plan</source>
        <translation>Niet meer ingepland</translation>
    </message>
    <message>
        <source>Utilisation per team</source>
        <translation>Benutting per team (basis → scenario)</translation>
    </message>
    <message>
        <source>Choose a scenario and press Compare.</source>
        <translation>Kies een scenario en druk op Vergelijken.</translation>
    </message>
    <message>
        <source>Scenario %1 compared with the base (%2 planner)</source>
        <translation>Scenario %1 vergeleken met de basis (planner %2)</translation>
    </message>
    <message>
        <source>Changes: %1</source>
        <translation>Wijzigingen: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>Valued with the base weights (%1); in the scenario&apos;s own weights (%2) its total is %3.</source>
        <translation>Gewaardeerd met de weging van de basis (%1); in de eigen weging van het scenario (%2) is het totaal %3.</translation>
    </message>
    <message>
        <source>Newly in the plan (%1)</source>
        <translation>Nieuw ingepland (%1)</translation>
    </message>
    <message>
        <source>No longer in the plan (%1)</source>
        <translation>Niet meer ingepland (%1)</translation>
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
        <source>Parked until the steering group&apos;s next meeting instead of a date</source>
        <translation>Geparkeerd tot de volgende vergadering van de stuurploeg, in plaats van tot een datum</translation>
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
        <source>Whether the victims are told of this decision; it is in the decision list</source>
        <translation>Of de slachtoffers over dit besluit worden ingelicht; het staat in de besluitenlijst</translation>
    </message>
    <message>
        <source>Record (Ctrl+Enter)</source>
        <translation>Vastleggen (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Record the form as a draft decision on the selected case (Ctrl+Enter); undo with Ctrl+Z.</source>
        <translation>Leg het formulier vast als conceptbesluit over de gekozen zaak (Ctrl+Enter); ongedaan maken met Ctrl+Z.</translation>
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
        <source>Final: entry %1 of the besluitenlijst; it changes only by a correction.</source>
        <translation>Vastgesteld: besluit %1 van de besluitenlijst; het verandert alleen nog door een correctie.</translation>
    </message>
    <message>
        <source>Draft: saved in the workspace, not yet vastgesteld; it can still be changed or deleted.</source>
        <translation>Concept: bewaard in de werkruimte, nog niet vastgesteld; het kan nog worden gewijzigd of verwijderd.</translation>
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
        <source>Correct the final decision selected in the list: the form then records its correction.</source>
        <translation>Corrigeer het vastgestelde besluit dat in de lijst is gekozen: het formulier legt dan de correctie vast.</translation>
    </message>
    <message>
        <source>Delete the draft selected in the list.</source>
        <translation>Verwijder het concept dat in de lijst is gekozen.</translation>
    </message>
    <message>
        <source>Vaststellen: the meeting&apos;s drafts become final decisions of the besluitenlijst.</source>
        <translation>Vaststellen: de concepten van de vergadering worden vaste besluiten van de besluitenlijst.</translation>
    </message>
    <message>
        <source>Write this meeting&apos;s besluitenlijst to an Excel workbook.</source>
        <translation>Schrijf de besluitenlijst van deze vergadering naar een Excel-werkmap.</translation>
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
        <source>Choose the workbook to import.</source>
        <translation>Kies de werkmap om te importeren.</translation>
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
    <name>GanttView</name>
    <message>
        <source>%1 to %2 (%3 weeks), %4 fte</source>
        <translation>%1 t/m %2 (%3 weken), %4 fte</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Lopend</translation>
    </message>
    <message>
        <source>What-if placement (moved by hand)</source>
        <translation>Wat-als-plaatsing (met de hand verplaatst)</translation>
    </message>
    <message>
        <source>Fixed placement</source>
        <translation>Vaste plaatsing</translation>
    </message>
    <message>
        <source>Decision: %1</source>
        <translation>Besluit: %1</translation>
    </message>
    <message>
        <source>%1 fte too much (%2)</source>
        <translation>%1 fte te veel (%2)</translation>
    </message>
    <message>
        <source>Overloaded:</source>
        <translation>Overbelast:</translation>
    </message>
    <message>
        <source>Select a case in the Gantt first.</source>
        <translation>Kies eerst een zaak in de Gantt.</translation>
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
        <source>fixed</source>
        <translation>vast</translation>
    </message>
    <message>
        <source>what-if (dashed)</source>
        <translation>wat-als (gestreept)</translation>
    </message>
    <message>
        <source>overloaded</source>
        <translation>overbelast</translation>
    </message>
    <message>
        <source>Click a bar to select the case; drag it to another week or team to try it (or Alt+arrow keys).</source>
        <translation>Klik op een balk om de zaak te kiezen; sleep hem naar een andere week of een ander team om dat te proberen (of Alt+pijltjestoetsen).</translation>
    </message>
    <message>
        <source>Fits: %1 on %2 from %3.</source>
        <translation>Past: %1 op %2 vanaf %3.</translation>
    </message>
    <message>
        <source>What-if: %1 on %2 from %3 (Edit → Undo takes it back).</source>
        <translation>Wat-als: %1 op %2 vanaf %3 (Bewerken → Ongedaan maken draait het terug).</translation>
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
        <source>Plan again: an outdated proposal anew, with the planner chosen</source>
        <translation>Opnieuw plannen: een verouderd voorstel opnieuw, met de gekozen planner</translation>
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
    <name>LoadMapView</name>
    <message>
        <source>Total fte or one specialism</source>
        <translation>Totaal fte of één specialisme</translation>
    </message>
    <message>
        <source>Click a cell to list its cases.</source>
        <translation>Klik op een vak om de zaken erin te zien.</translation>
    </message>
    <message>
        <source>Load of:</source>
        <translation>Belasting van:</translation>
    </message>
    <message>
        <source>room</source>
        <translation>ruimte</translation>
    </message>
    <message>
        <source>full</source>
        <translation>vol</translation>
    </message>
    <message>
        <source>overloaded (fte too much)</source>
        <translation>overbelast (fte te veel)</translation>
    </message>
    <message>
        <source>no capacity of this kind</source>
        <translation>geen capaciteit van deze soort</translation>
    </message>
    <message>
        <source>The load map appears once a plan has been made.</source>
        <translation>De belastingkaart verschijnt zodra er een planning is gemaakt.</translation>
    </message>
    <message>
        <source>%1: %2 overloaded team-weeks, %3 fte too much in all.</source>
        <translation>%1: %2 overbelaste teamweken, samen %3 fte te veel.</translation>
    </message>
    <message>
        <source>%1: no team-week overloaded.</source>
        <translation>%1: geen teamweek overbelast.</translation>
    </message>
    <message>
        <source>%1, %2 (%3): %4 of %5 fte used</source>
        <translation>%1, %2 (%3): %4 van %5 fte gebruikt</translation>
    </message>
    <message>
        <source>%1 fte too much</source>
        <translation>%1 fte te veel</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n zaak</numerusform>
            <numerusform>%n zaken</numerusform>
        </translation>
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
        <source>Planning board</source>
        <translation>Planbord</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Scenario&apos;s</translation>
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
        <source>Plan &amp;again</source>
        <translation>&amp;Opnieuw plannen</translation>
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
    <message numerus="yes">
        <source>+ %n what-if placement(s)</source>
        <translation>
            <numerusform>+ %n wat-als-plaatsing</numerusform>
            <numerusform>+ %n wat-als-plaatsingen</numerusform>
        </translation>
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
    <name>MeetingChooser</name>
    <message>
        <source>Drafts in:</source>
        <translation>Concepten in:</translation>
    </message>
    <message>
        <source>Meetings with draft decisions that are not yet vastgesteld; choose one to show and finalise it.</source>
        <translation>Vergaderingen met conceptbesluiten die nog niet zijn vastgesteld; kies er een om die te tonen en vast te stellen.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n draft(s)</source>
        <translation>
            <numerusform>%1: %n concept</numerusform>
            <numerusform>%1: %n concepten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: none</source>
        <translation>%1: geen</translation>
    </message>
    <message>
        <source>Drafts of another meeting: %1. Choose it above to see and finalise them.</source>
        <translation>Concepten van een andere vergadering: %1. Kies die hierboven om ze te zien en vast te stellen.</translation>
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
        <source>Vaststellen: the meeting&apos;s drafts become final decisions of the besluitenlijst.</source>
        <translation>Vaststellen: de concepten van de vergadering worden vaste besluiten van de besluitenlijst.</translation>
    </message>
    <message>
        <source>Write this meeting&apos;s besluitenlijst to an Excel workbook.</source>
        <translation>Schrijf de besluitenlijst van deze vergadering naar een Excel-werkmap.</translation>
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
    <message>
        <source>Decision list finalised</source>
        <translation>Besluitenlijst vastgesteld</translation>
    </message>
    <message numerus="yes">
        <source>The decision list of %1 has been finalised: %n decision(s). Export it now for the minutes?</source>
        <translation>
            <numerusform>De besluitenlijst van %1 is vastgesteld: %n besluit. Nu exporteren voor het verslag?</numerusform>
            <numerusform>De besluitenlijst van %1 is vastgesteld: %n besluiten. Nu exporteren voor het verslag?</numerusform>
        </translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporteren…</translation>
    </message>
    <message>
        <source>Write the besluitenlijst of this meeting to an Excel workbook.</source>
        <translation>Schrijf de besluitenlijst van deze vergadering naar een Excel-werkmap.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n draft(s)</source>
        <translation>
            <numerusform>%1: %n concept</numerusform>
            <numerusform>%1: %n concepten</numerusform>
        </translation>
    </message>
    <message>
        <source>Drafts not yet finalised</source>
        <translation>Concepten nog niet vastgesteld</translation>
    </message>
    <message>
        <source>Some decisions are drafts, not yet vastgesteld:</source>
        <translation>Er zijn conceptbesluiten die nog niet zijn vastgesteld:</translation>
    </message>
    <message>
        <source>They are saved in the workspace and stay drafts until the list of their meeting is finalised.</source>
        <translation>Ze zijn bewaard in de werkruimte en blijven concept tot de besluitenlijst van hun vergadering is vastgesteld.</translation>
    </message>
    <message>
        <source>Close anyway</source>
        <translation>Toch sluiten</translation>
    </message>
    <message>
        <source>Close; the drafts stay saved in the workspace.</source>
        <translation>Sluiten; de concepten blijven bewaard in de werkruimte.</translation>
    </message>
</context>
<context>
    <name>Placement</name>
    <message>
        <source>What-if: %1 placed on %2 from %3.</source>
        <translation>Wat-als: %1 op %2 gezet vanaf %3.</translation>
    </message>
    <message>
        <source>There is no plan yet to move cases in.</source>
        <translation>Er is nog geen planning om zaken in te verplaatsen.</translation>
    </message>
    <message>
        <source>These what-if placements no longer fit and were dropped:</source>
        <translation>Deze wat-als-plaatsingen passen niet meer en zijn vervallen:</translation>
    </message>
    <message>
        <source>What-if placement of %1</source>
        <translation>Wat-als-plaatsing van %1</translation>
    </message>
    <message>
        <source>Back to the proposal</source>
        <translation>Terug naar het voorstel</translation>
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
        <source>Make a plan proposal with this planner; it replaces the one on screen.</source>
        <translation>Maak een planvoorstel met deze planner; het vervangt het voorstel op het scherm.</translation>
    </message>
    <message>
        <source>Stop planning; the previous proposal stays.</source>
        <translation>Stop met plannen; het vorige voorstel blijft staan.</translation>
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
    <name>PlanboardPanel</name>
    <message>
        <source>Back to the proposal</source>
        <translation>Terug naar het voorstel</translation>
    </message>
    <message>
        <source>Undo every what-if placement (Edit → Undo brings them back)</source>
        <translation>Alle wat-als-plaatsingen ongedaan maken (Bewerken → Ongedaan maken zet ze terug)</translation>
    </message>
    <message>
        <source>The planning picture appears once a plan has been made.</source>
        <translation>Het planbord verschijnt zodra er een planning is gemaakt.</translation>
    </message>
    <message>
        <source>Gantt</source>
        <translation>Gantt</translation>
    </message>
    <message>
        <source>Gantt per team</source>
        <translation>Gantt per team</translation>
    </message>
    <message>
        <source>Load map</source>
        <translation>Belastingkaart</translation>
    </message>
    <message numerus="yes">
        <source>What-if: the plan on screen has %n case(s) placed by hand, not by the planner.</source>
        <translation>
            <numerusform>Wat-als: in de planning op het scherm is %n zaak met de hand geplaatst, niet door de planner.</numerusform>
            <numerusform>Wat-als: in de planning op het scherm zijn %n zaken met de hand geplaatst, niet door de planner.</numerusform>
        </translation>
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
    <name>Proposal</name>
    <message>
        <source>the weights changed</source>
        <translation>de weging is gewijzigd</translation>
    </message>
    <message>
        <source>a position in the ranking changed</source>
        <translation>een positie in de ranglijst is aangepast</translation>
    </message>
    <message>
        <source>the case list or capacity was imported again</source>
        <translation>de zakenlijst of capaciteit is opnieuw geïmporteerd</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>om %1</translation>
    </message>
    <message>
        <source>on %1 at %2</source>
        <translation>op %1 om %2</translation>
    </message>
    <message>
        <source>No proposal yet.</source>
        <translation>Nog geen voorstel.</translation>
    </message>
    <message>
        <source>%1 (scenario %2)</source>
        <translation>%1 (scenario %2)</translation>
    </message>
    <message>
        <source>Proposal of the planner %1, made %2.</source>
        <translation>Voorstel van planner %1, gemaakt %2.</translation>
    </message>
    <message>
        <source>Outdated: %1 after this proposal. %2 Plan again with %3 to bring it up to date.</source>
        <translation>Verouderd: %1 na dit voorstel. %2 Plan opnieuw met %3 om het bij te werken.</translation>
    </message>
</context>
<context>
    <name>ProposalBanner</name>
    <message>
        <source>The proposal is what a decision taken now records as proposed.</source>
        <translation>Het voorstel is wat een besluit dat nu wordt vastgelegd als voorstel bewaart.</translation>
    </message>
    <message>
        <source>Plan again (%1)</source>
        <translation>Opnieuw plannen (%1)</translation>
    </message>
    <message>
        <source>Make the proposal again with the planner chosen last, with the current weights, positions and cases.</source>
        <translation>Maak het voorstel opnieuw met de laatst gekozen planner, met de huidige weging, posities en zaken.</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Zoeken in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Bestands&amp;type:</translation>
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
    <message>
        <source>Priority: ongoing exploitation with minors; ranked before the cases without it.</source>
        <translation>Voorrang: actuele uitbuiting met minderjarigen; staat vóór de zaken zonder.</translation>
    </message>
    <message>
        <source>Incomplete: not every criterion is scored; the score counts only those that are.</source>
        <translation>Onvolledig: niet elk criterium is gescoord; de score telt alleen de gescoorde.</translation>
    </message>
    <message>
        <source>Fragile: moving one weight by 5 points moves this case in or out of the plan.</source>
        <translation>Wankel: één weging 5 punten verschuiven brengt deze zaak in of uit het plan.</translation>
    </message>
    <message>
        <source>Proposed: %1 (team and weeks of the plan proposal on screen).</source>
        <translation>Voorgesteld: %1 (team en weken van het planvoorstel op het scherm).</translation>
    </message>
    <message>
        <source>Not in the plan proposal.</source>
        <translation>Niet in het planvoorstel.</translation>
    </message>
    <message>
        <source>Latest decision: ✓ vastgesteld, ✎ draft (not yet vastgesteld).</source>
        <translation>Laatste besluit: ✓ vastgesteld, ✎ concept (nog niet vastgesteld).</translation>
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
    <message numerus="yes">
        <source>%n usable row(s),</source>
        <translation>
            <numerusform>%n bruikbare rij,</numerusform>
            <numerusform>%n bruikbare rijen,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s),</source>
        <translation>
            <numerusform>%n fout,</numerusform>
            <numerusform>%n fouten,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s).</source>
        <translation>
            <numerusform>%n waarschuwing.</numerusform>
            <numerusform>%n waarschuwingen.</numerusform>
        </translation>
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
    <name>ScenarioEditor</name>
    <message>
        <source>e.g. Extra digital Zuid</source>
        <translation>bijv. Extra digitaal Zuid</translation>
    </message>
    <message>
        <source>Add capacity change</source>
        <translation>Capaciteitswijziging toevoegen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Add case change</source>
        <translation>Zaakwijziging toevoegen</translation>
    </message>
    <message>
        <source>Save scenario</source>
        <translation>Scenario opslaan</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Wijzigingen terugdraaien</translation>
    </message>
    <message>
        <source>Add a row: a team gets more (or less) fte from a week on</source>
        <translation>Een regel toevoegen: een team krijgt vanaf een week meer (of minder) fte</translation>
    </message>
    <message>
        <source>Remove the chosen capacity change</source>
        <translation>De gekozen capaciteitswijziging verwijderen</translation>
    </message>
    <message>
        <source>Add a row: a case must be in, is excluded, or starts no earlier than a week</source>
        <translation>Een regel toevoegen: een zaak moet erin, valt af, of begint niet vóór een week</translation>
    </message>
    <message>
        <source>Remove the chosen case change</source>
        <translation>De gekozen zaakwijziging verwijderen</translation>
    </message>
    <message>
        <source>Store this scenario in the workspace</source>
        <translation>Dit scenario in de werkruimte opslaan</translation>
    </message>
    <message>
        <source>Go back to the scenario as it was last stored</source>
        <translation>Terug naar het scenario zoals het het laatst is opgeslagen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Naam:</translation>
    </message>
    <message>
        <source>Weights:</source>
        <translation>Weging:</translation>
    </message>
    <message>
        <source>Capacity changes</source>
        <translation>Capaciteitswijzigingen</translation>
    </message>
    <message>
        <source>Case changes</source>
        <translation>Zaakwijzigingen</translation>
    </message>
    <message>
        <source>Weights of the base plan</source>
        <translation>Weging van het basisplan</translation>
    </message>
    <message>
        <source>A new scenario.</source>
        <translation>Een nieuw scenario.</translation>
    </message>
    <message>
        <source>Not saved: correct the marked fields first.</source>
        <translation>Niet opgeslagen: verbeter eerst de gemarkeerde velden.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
</context>
<context>
    <name>ScenarioPanel</name>
    <message>
        <source>No plan shown yet</source>
        <translation>Nog geen plan getoond</translation>
    </message>
    <message>
        <source>Shown: base plan (%1)</source>
        <translation>Getoond: basisplan (%1)</translation>
    </message>
    <message>
        <source>Shown: scenario %1 (%2)</source>
        <translation>Getoond: scenario %1 (%2)</translation>
    </message>
    <message>
        <source>Back to the base plan</source>
        <translation>Terug naar het basisplan</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Kopiëren</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Verwijderen…</translation>
    </message>
    <message>
        <source>Compare with base</source>
        <translation>Vergelijken met basis</translation>
    </message>
    <message>
        <source>Make it the proposal</source>
        <translation>Maak het voorstel</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Show the base plan again as the proposal</source>
        <translation>Het basisplan weer als voorstel tonen</translation>
    </message>
    <message>
        <source>Make a new, empty scenario</source>
        <translation>Een nieuw, leeg scenario maken</translation>
    </message>
    <message>
        <source>Make a copy of the chosen scenario to change</source>
        <translation>Een kopie van het gekozen scenario maken om te wijzigen</translation>
    </message>
    <message>
        <source>Delete the chosen scenario from the workspace (asks first)</source>
        <translation>Het gekozen scenario uit de werkruimte verwijderen (vraagt eerst)</translation>
    </message>
    <message>
        <source>Plan the scenario with the planner of the base plan and compare the two</source>
        <translation>Het scenario plannen met de planner van het basisplan en beide vergelijken</translation>
    </message>
    <message>
        <source>Make the scenario&apos;s plan the meeting&apos;s proposal</source>
        <translation>Het plan van het scenario het voorstel van de vergadering maken</translation>
    </message>
    <message>
        <source>Stop planning the scenario</source>
        <translation>Het plannen van het scenario stoppen</translation>
    </message>
    <message>
        <source>Show the base plan as the proposal again.</source>
        <translation>Toon het basisplan weer als voorstel.</translation>
    </message>
    <message>
        <source>Make a new scenario.</source>
        <translation>Maak een nieuw scenario.</translation>
    </message>
    <message>
        <source>Copy the chosen scenario under a new name.</source>
        <translation>Kopieer het gekozen scenario onder een nieuwe naam.</translation>
    </message>
    <message>
        <source>Delete the chosen scenario (asks first).</source>
        <translation>Verwijder het gekozen scenario (vraagt eerst).</translation>
    </message>
    <message>
        <source>Plan the chosen scenario and compare it with the base plan.</source>
        <translation>Plan het gekozen scenario en vergelijk het met het basisplan.</translation>
    </message>
    <message>
        <source>Make the compared scenario the meeting&apos;s proposal.</source>
        <translation>Maak het vergeleken scenario het voorstel van de vergadering.</translation>
    </message>
    <message>
        <source>Stop planning the scenario.</source>
        <translation>Stop met het plannen van het scenario.</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bewerken</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Vergelijking</translation>
    </message>
    <message>
        <source>The changes to %1 are not saved: save them or undo them first.</source>
        <translation>De wijzigingen in %1 zijn niet opgeslagen: sla ze eerst op of draai ze terug.</translation>
    </message>
    <message>
        <source>the new scenario</source>
        <translation>het nieuwe scenario</translation>
    </message>
    <message>
        <source>Copied as %1.</source>
        <translation>Gekopieerd als %1.</translation>
    </message>
    <message>
        <source>Delete scenario</source>
        <translation>Scenario verwijderen</translation>
    </message>
    <message>
        <source>Delete scenario %1? A plan made with it keeps its own copy.</source>
        <translation>Scenario %1 verwijderen? Een plan dat ermee is gemaakt houdt een eigen kopie.</translation>
    </message>
    <message>
        <source>Scenario %1 deleted.</source>
        <translation>Scenario %1 verwijderd.</translation>
    </message>
    <message>
        <source>Planning scenario %1…</source>
        <translation>Scenario %1 wordt gepland…</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Gestopt.</translation>
    </message>
    <message>
        <source>Scenario %1 compared with the base.</source>
        <translation>Scenario %1 vergeleken met de basis.</translation>
    </message>
    <message>
        <source>The base plan has changed: press Compare again for an up-to-date comparison.</source>
        <translation>Het basisplan is veranderd: druk opnieuw op Vergelijken voor een actuele vergelijking.</translation>
    </message>
    <message>
        <source>Scenario %1 is now the meeting&apos;s proposal: decisions record its plan.</source>
        <translation>Scenario %1 is nu het voorstel van de vergadering: besluiten leggen dit plan vast.</translation>
    </message>
</context>
<context>
    <name>Scenarios</name>
    <message>
        <source>Capacity change %1</source>
        <translation>Capaciteitswijziging %1</translation>
    </message>
    <message>
        <source>Case change %1</source>
        <translation>Zaakwijziging %1</translation>
    </message>
    <message>
        <source>There is no scenario named %1.</source>
        <extracomment>the stored scenarios are listed this long after a workspace opened</extracomment>
        <translation>Er is geen scenario met de naam %1.</translation>
    </message>
    <message>
        <source>There is no base plan yet: import cases and capacity, or wait for the plan.</source>
        <translation>Er is nog geen basisplan: importeer zaken en capaciteit, of wacht op het plan.</translation>
    </message>
    <message>
        <source>Import a capacity sheet first.</source>
        <translation>Importeer eerst een capaciteitsoverzicht.</translation>
    </message>
    <message>
        <source>Compare scenario %1 with the base first.</source>
        <translation>Vergelijk scenario %1 eerst met de basis.</translation>
    </message>
    <message>
        <source>Open a workspace first: scenarios are kept in it.</source>
        <translation>Open eerst een werkruimte: daarin worden scenario&apos;s bewaard.</translation>
    </message>
    <message>
        <source>Give the scenario a name.</source>
        <translation>Geef het scenario een naam.</translation>
    </message>
    <message>
        <source>choose a team.</source>
        <translation>kies een team.</translation>
    </message>
    <message>
        <source>unknown specialism %1; choose digitaal, financieel, tactisch or intelligence, or leave it empty for the team&apos;s total.</source>
        <translation>onbekend specialisme %1; kies digitaal, financieel, tactisch of intelligence, of laat het leeg voor het totaal van het team.</translation>
    </message>
    <message>
        <source>choose a case.</source>
        <translation>kies een zaak.</translation>
    </message>
    <message>
        <source>unknown action %1; choose in, out or start.</source>
        <translation>onbekende wijziging %1; kies erin, uitsluiten of start.</translation>
    </message>
    <message>
        <source>a start week belongs with the action start only; empty it or choose start.</source>
        <translation>een startweek hoort alleen bij &apos;Start niet vóór&apos;; maak hem leeg of kies die wijziging.</translation>
    </message>
    <message>
        <source>unknown weight profile %1; choose one from the list.</source>
        <translation>onbekend wegingsprofiel %1; kies er een uit de lijst.</translation>
    </message>
    <message>
        <source>give a week, e.g. %1.</source>
        <translation>geef een week, bijv. %1.</translation>
    </message>
    <message>
        <source>%1 is not a week; write year-W-week, e.g. %2.</source>
        <translation>%1 is geen week; schrijf jaar-W-week, bijv. %2.</translation>
    </message>
    <message>
        <source>fte must be a number other than 0 (negative: fewer), e.g. 2 or -1,5; not %1.</source>
        <translation>fte moet een getal ongelijk aan 0 zijn (negatief: minder), bijv. 2 of -1,5; niet %1.</translation>
    </message>
    <message>
        <source>Must be in</source>
        <translation>Moet erin</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>Uitgesloten</translation>
    </message>
    <message>
        <source>Start no earlier than</source>
        <translation>Start niet vóór</translation>
    </message>
    <message>
        <source>Total (all fte)</source>
        <translation>Totaal (alle fte)</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>From week</source>
        <translation>Vanaf week</translation>
    </message>
    <message>
        <source>To week</source>
        <translation>T/m week</translation>
    </message>
    <message>
        <source>± fte</source>
        <translation>± fte</translation>
    </message>
    <message>
        <source>Of specialism</source>
        <translation>Van specialisme</translation>
    </message>
    <message>
        <source>to the end</source>
        <translation>tot het einde</translation>
    </message>
    <message>
        <source> (total unchanged)</source>
        <translation> (totaal ongewijzigd)</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Zaak</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Wijziging</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Wijzigingen</translation>
    </message>
    <message>
        <source>Δ priority</source>
        <translation>Δ prioriteit</translation>
    </message>
    <message>
        <source> (shown)</source>
        <translation> (getoond)</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Vanaf</translation>
    </message>
    <message>
        <source> (must be in)</source>
        <translation> (moest erin)</translation>
    </message>
    <message>
        <source>Why not</source>
        <translation>Waarom niet</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>Benutting</translation>
    </message>
    <message>
        <source>Overloaded weeks</source>
        <translation>Overboekte weken</translation>
    </message>
    <message>
        <source>Net priority</source>
        <translation>Netto prioriteit</translation>
    </message>
    <message>
        <source>Pushes out</source>
        <translation>Verdringt</translation>
    </message>
    <message>
        <source>The team that could take the case</source>
        <translation>Het team dat de zaak zou kunnen oppakken</translation>
    </message>
    <message>
        <source>The first week of the case in that team</source>
        <translation>De eerste week van de zaak bij dat team</translation>
    </message>
    <message>
        <source>Priority gained by placing the case here, minus the priority of the cases it pushes out</source>
        <translation>Prioriteit die de zaak hier oplevert, min de prioriteit van de zaken die ze verdringt</translation>
    </message>
    <message>
        <source>The cases this option pushes out of the plan, and those it moves</source>
        <translation>De zaken die deze mogelijkheid uit de planning verdringt, en de zaken die ze verschuift</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>niets</translation>
    </message>
    <message>
        <source>; moves %1</source>
        <translation>; verschuift %1</translation>
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
    <name>SuggestionsBox</name>
    <message>
        <source>Suggestions for the selected case</source>
        <translation>Suggesties voor de gekozen zaak</translation>
    </message>
    <message>
        <source>As new scenario</source>
        <translation>Als nieuw scenario</translation>
    </message>
    <message>
        <source>Add to chosen scenario</source>
        <translation>Toevoegen aan gekozen scenario</translation>
    </message>
    <message>
        <source>Make a new scenario that places the case here</source>
        <translation>Een nieuw scenario maken dat de zaak hier plaatst</translation>
    </message>
    <message>
        <source>Add this placement to the chosen scenario</source>
        <translation>Deze plaatsing aan het gekozen scenario toevoegen</translation>
    </message>
    <message>
        <source>Select a case that is not in the plan to see where it could go.</source>
        <translation>Kies een zaak die niet in het plan staat om te zien waar die zou kunnen.</translation>
    </message>
    <message>
        <source>No plan yet.</source>
        <translation>Nog geen plan.</translation>
    </message>
    <message>
        <source>%1 is in the plan: %2 from %3.</source>
        <translation>%1 staat in het plan: %2 vanaf %3.</translation>
    </message>
    <message>
        <source>%1 is no candidate for this plan.</source>
        <translation>%1 is geen kandidaat voor dit plan.</translation>
    </message>
    <message>
        <source>Looking for places for %1…</source>
        <translation>Plaatsen zoeken voor %1…</translation>
    </message>
    <message>
        <source>Adds the change to scenario %1.</source>
        <translation>Voegt de wijziging toe aan scenario %1.</translation>
    </message>
    <message>
        <source>Choose a scenario in the list first.</source>
        <translation>Kies eerst een scenario in de lijst.</translation>
    </message>
    <message>
        <source>In scenario %1: %2 must be in, from %3.</source>
        <translation>In scenario %1: %2 moet erin, vanaf %3.</translation>
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
        <source>Keep these weights as a named profile.</source>
        <translation>Bewaar deze weging als profiel met een naam.</translation>
    </message>
    <message>
        <source>Back to the weights of the chosen profile.</source>
        <translation>Terug naar de weging van het gekozen profiel.</translation>
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
        <source>Changed %1, %2</source>
        <translation>Gewijzigd %1, %2</translation>
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
        <source>%1 Until a backup succeeds, changes to this workspace are not saved; what is stored stays as it is.</source>
        <translation>%1 Zolang er geen reservekopie gemaakt kan worden, worden wijzigingen in deze werkruimte niet opgeslagen; wat al is opgeslagen blijft zoals het is.</translation>
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
