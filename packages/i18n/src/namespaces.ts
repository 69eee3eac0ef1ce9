// The namespaces of the one message catalogue. Each has an English and a Welsh file with the same ids.
// To add a namespace, add its two JSON files and a line to each block below.
import enCommon from '../messages/en/common.json' with { type: 'json' };
import enModel from '../messages/en/model.json' with { type: 'json' };
import enErrors from '../messages/en/errors.json' with { type: 'json' };
import enApp from '../messages/en/app.json' with { type: 'json' };
import enAccount from '../messages/en/account.json' with { type: 'json' };
import enPages from '../messages/en/pages.json' with { type: 'json' };
import enEditor from '../messages/en/editor.json' with { type: 'json' };
import enComments from '../messages/en/comments.json' with { type: 'json' };
import enLinks from '../messages/en/links.json' with { type: 'json' };
import enHistory from '../messages/en/history.json' with { type: 'json' };
import enWorkshop from '../messages/en/workshop.json' with { type: 'json' };
import enDatasets from '../messages/en/datasets.json' with { type: 'json' };
import enEventlog from '../messages/en/eventlog.json' with { type: 'json' };
import enImprove from '../messages/en/improve.json' with { type: 'json' };
import enCompare from '../messages/en/compare.json' with { type: 'json' };
import enViews from '../messages/en/views.json' with { type: 'json' };
import enExport from '../messages/en/export.json' with { type: 'json' };
import enGuests from '../messages/en/guests.json' with { type: 'json' };
import enPoster from '../messages/en/poster.json' with { type: 'json' };
import enToolbar from '../messages/en/toolbar.json' with { type: 'json' };
import enCards from '../messages/en/cards.json' with { type: 'json' };
import enVoting from '../messages/en/voting.json' with { type: 'json' };
import enGroups from '../messages/en/groups.json' with { type: 'json' };
import enLive from '../messages/en/live.json' with { type: 'json' };
import enMeasure from '../messages/en/measure.json' with { type: 'json' };
import enBusiness from '../messages/en/business.json' with { type: 'json' };
import enLegal from '../messages/en/legal.json' with { type: 'json' };
import enScim from '../messages/en/scim.json' with { type: 'json' };
import enEvidence from '../messages/en/evidence.json' with { type: 'json' };
import enRetention from '../messages/en/retention.json' with { type: 'json' };
import enCosts from '../messages/en/costs.json' with { type: 'json' };
import enAdmin from '../messages/en/admin.json' with { type: 'json' };
import enSso from '../messages/en/sso.json' with { type: 'json' };
import enSsoAdmin from '../messages/en/ssoAdmin.json' with { type: 'json' };
import enHierarchy from '../messages/en/hierarchy.json' with { type: 'json' };
import enTemplates from '../messages/en/templates.json' with { type: 'json' };
import enLibrary from '../messages/en/library.json' with { type: 'json' };
import enSurvey from '../messages/en/survey.json' with { type: 'json' };
import enValueAdded from '../messages/en/valueAdded.json' with { type: 'json' };
import enCompareLog from '../messages/en/compareLog.json' with { type: 'json' };
import enEmitSql from '../messages/en/emitSql.json' with { type: 'json' };
import enCli from '../messages/en/cli.json' with { type: 'json' };
import enCommands from '../messages/en/commands.json' with { type: 'json' };
import enHelp from '../messages/en/help.json' with { type: 'json' };
import enServer from '../messages/en/server.json' with { type: 'json' };
import cyCommon from '../messages/cy/common.json' with { type: 'json' };
import cyModel from '../messages/cy/model.json' with { type: 'json' };
import cyErrors from '../messages/cy/errors.json' with { type: 'json' };
import cyApp from '../messages/cy/app.json' with { type: 'json' };
import cyAccount from '../messages/cy/account.json' with { type: 'json' };
import cyPages from '../messages/cy/pages.json' with { type: 'json' };
import cyEditor from '../messages/cy/editor.json' with { type: 'json' };
import cyComments from '../messages/cy/comments.json' with { type: 'json' };
import cyLinks from '../messages/cy/links.json' with { type: 'json' };
import cyHistory from '../messages/cy/history.json' with { type: 'json' };
import cyWorkshop from '../messages/cy/workshop.json' with { type: 'json' };
import cyDatasets from '../messages/cy/datasets.json' with { type: 'json' };
import cyEventlog from '../messages/cy/eventlog.json' with { type: 'json' };
import cyImprove from '../messages/cy/improve.json' with { type: 'json' };
import cyCompare from '../messages/cy/compare.json' with { type: 'json' };
import cyViews from '../messages/cy/views.json' with { type: 'json' };
import cyExport from '../messages/cy/export.json' with { type: 'json' };
import cyGuests from '../messages/cy/guests.json' with { type: 'json' };
import cyPoster from '../messages/cy/poster.json' with { type: 'json' };
import cyToolbar from '../messages/cy/toolbar.json' with { type: 'json' };
import cyCards from '../messages/cy/cards.json' with { type: 'json' };
import cyVoting from '../messages/cy/voting.json' with { type: 'json' };
import cyGroups from '../messages/cy/groups.json' with { type: 'json' };
import cyLive from '../messages/cy/live.json' with { type: 'json' };
import cyMeasure from '../messages/cy/measure.json' with { type: 'json' };
import cyBusiness from '../messages/cy/business.json' with { type: 'json' };
import cyLegal from '../messages/cy/legal.json' with { type: 'json' };
import cyScim from '../messages/cy/scim.json' with { type: 'json' };
import cyEvidence from '../messages/cy/evidence.json' with { type: 'json' };
import cyRetention from '../messages/cy/retention.json' with { type: 'json' };
import cyCosts from '../messages/cy/costs.json' with { type: 'json' };
import cyAdmin from '../messages/cy/admin.json' with { type: 'json' };
import cySso from '../messages/cy/sso.json' with { type: 'json' };
import cySsoAdmin from '../messages/cy/ssoAdmin.json' with { type: 'json' };
import cyHierarchy from '../messages/cy/hierarchy.json' with { type: 'json' };
import cyTemplates from '../messages/cy/templates.json' with { type: 'json' };
import cyLibrary from '../messages/cy/library.json' with { type: 'json' };
import cySurvey from '../messages/cy/survey.json' with { type: 'json' };
import cyValueAdded from '../messages/cy/valueAdded.json' with { type: 'json' };
import cyCompareLog from '../messages/cy/compareLog.json' with { type: 'json' };
import cyEmitSql from '../messages/cy/emitSql.json' with { type: 'json' };
import cyCli from '../messages/cy/cli.json' with { type: 'json' };
import cyCommands from '../messages/cy/commands.json' with { type: 'json' };
import cyHelp from '../messages/cy/help.json' with { type: 'json' };
import cyServer from '../messages/cy/server.json' with { type: 'json' };

export const namespaces = {
  common: { en: enCommon, cy: cyCommon },
  model: { en: enModel, cy: cyModel },
  errors: { en: enErrors, cy: cyErrors },
  app: { en: enApp, cy: cyApp },
  account: { en: enAccount, cy: cyAccount },
  pages: { en: enPages, cy: cyPages },
  editor: { en: enEditor, cy: cyEditor },
  comments: { en: enComments, cy: cyComments },
  links: { en: enLinks, cy: cyLinks },
  history: { en: enHistory, cy: cyHistory },
  workshop: { en: enWorkshop, cy: cyWorkshop },
  datasets: { en: enDatasets, cy: cyDatasets },
  eventlog: { en: enEventlog, cy: cyEventlog },
  improve: { en: enImprove, cy: cyImprove },
  compare: { en: enCompare, cy: cyCompare },
  views: { en: enViews, cy: cyViews },
  export: { en: enExport, cy: cyExport },
  guests: { en: enGuests, cy: cyGuests },
  poster: { en: enPoster, cy: cyPoster },
  toolbar: { en: enToolbar, cy: cyToolbar },
  cards: { en: enCards, cy: cyCards },
  voting: { en: enVoting, cy: cyVoting },
  groups: { en: enGroups, cy: cyGroups },
  live: { en: enLive, cy: cyLive },
  measure: { en: enMeasure, cy: cyMeasure },
  business: { en: enBusiness, cy: cyBusiness },
  legal: { en: enLegal, cy: cyLegal },
  scim: { en: enScim, cy: cyScim },
  evidence: { en: enEvidence, cy: cyEvidence },
  retention: { en: enRetention, cy: cyRetention },
  costs: { en: enCosts, cy: cyCosts },
  admin: { en: enAdmin, cy: cyAdmin },
  sso: { en: enSso, cy: cySso },
  ssoAdmin: { en: enSsoAdmin, cy: cySsoAdmin },
  hierarchy: { en: enHierarchy, cy: cyHierarchy },
  templates: { en: enTemplates, cy: cyTemplates },
  library: { en: enLibrary, cy: cyLibrary },
  survey: { en: enSurvey, cy: cySurvey },
  valueAdded: { en: enValueAdded, cy: cyValueAdded },
  compareLog: { en: enCompareLog, cy: cyCompareLog },
  emitSql: { en: enEmitSql, cy: cyEmitSql },
  cli: { en: enCli, cy: cyCli },
  commands: { en: enCommands, cy: cyCommands },
  help: { en: enHelp, cy: cyHelp },
  server: { en: enServer, cy: cyServer },
} as const;

/** Every message id, typed from the English files: a misspelt id does not compile. */
export type MessageId =
  | keyof typeof enCommon
  | keyof typeof enHierarchy
  | keyof typeof enModel
  | keyof typeof enErrors
  | keyof typeof enApp
  | keyof typeof enAccount
  | keyof typeof enPages
  | keyof typeof enEditor
  | keyof typeof enComments
  | keyof typeof enLinks
  | keyof typeof enHistory
  | keyof typeof enWorkshop
  | keyof typeof enDatasets
  | keyof typeof enEventlog
  | keyof typeof enImprove
  | keyof typeof enCompare
  | keyof typeof enViews
  | keyof typeof enExport
  | keyof typeof enGuests
  | keyof typeof enPoster
  | keyof typeof enToolbar
  | keyof typeof enCards
  | keyof typeof enVoting
  | keyof typeof enGroups
  | keyof typeof enLive
  | keyof typeof enMeasure
  | keyof typeof enBusiness
  | keyof typeof enScim
  | keyof typeof enEvidence
  | keyof typeof enLegal
  | keyof typeof enRetention
  | keyof typeof enTemplates
  | keyof typeof enCosts
  | keyof typeof enAdmin
  | keyof typeof enSso
  | keyof typeof enSsoAdmin
  | keyof typeof enSurvey
  | keyof typeof enValueAdded
  | keyof typeof enCompareLog
  | keyof typeof enEmitSql
  | keyof typeof enCli
  | keyof typeof enCommands
  | keyof typeof enHelp
  | keyof typeof enServer
  | keyof typeof enLibrary;
