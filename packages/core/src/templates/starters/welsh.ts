import type { StarterTemplate } from './starter';

/**
 * The Welsh twin of each starter's words a person meets first: its name, description, trigger and outcome, its
 * stage and step names and its lane words (issue 14 item 5). The cards (what the customer does, touchpoints,
 * pain points) stay in English until a Welsh-speaking service reviewer has written them; ids are the same, so a
 * map started in Welsh lines up with one started in English.
 */
interface WelshWords {
  readonly name: string;
  readonly description: string;
  readonly trigger: string;
  readonly outcome: string;
  /** Stage names by the English name they stand for. */
  readonly stages: Readonly<Record<string, string>>;
  /** Step names by step id. */
  readonly steps: Readonly<Record<string, string>>;
}

const lanes: Readonly<Record<string, { label: string; guidance?: string }>> = {
  steps: { label: 'Beth mae’r cwsmer yn ei wneud' },
  touchpoints: { label: 'Pwyntiau cyswllt a chysylltiadau' },
  feelings: {
    label: 'Meddwl a theimlo',
    guidance:
      'Ychwanegwch yr hyn a ddywedodd eich cwsmeriaid wrthych, yn eu geiriau eu hunain. Nid oes dyfyniadau yn y templed cychwynnol hwn: rhaid iddynt fod yn rhai go iawn.',
  },
  emotion: {
    label: 'Emosiwn',
    guidance: 'Rhowch sgôr o’ch ymchwil eich hun (−100 i +100); nodwch mai amcangyfrif yw dyfaliad.',
  },
  moments: { label: 'Eiliadau tyngedfennol' },
  'pain-points': { label: 'Pwyntiau poen nodweddiadol' },
  levers: {
    label: 'Ysgogiadau',
    guidance:
      'Beth fyddai’n cael gwared ar y cysylltiadau y gellir eu hosgoi ar y cam hwn? Rhowch bob un dan Cyswllt, Proses neu Cyfathrebu.',
  },
};

export const welshStarterWords: Readonly<Record<string, WelshWords>> = {
  'council-tax': {
    name: 'Treth gyngor: symud i mewn a thalu',
    description:
      'Mae preswylydd yn symud i’r ardal, yn rhoi gwybod i’r cyngor, yn cael bil, yn talu, yn hawlio disgownt neu ostyngiad, ac yn mynd i ôl-ddyledion.',
    trigger: 'Yn symud i eiddo yn ardal y cyngor',
    outcome: 'Yn talu’r swm cywir, gydag unrhyw ddisgownt neu ostyngiad wedi’i roi, heb orfod mynd ar ôl neb',
    stages: { 'Set up': 'Sefydlu', Pay: 'Talu', Arrears: 'Ôl-ddyledion' },
    steps: {
      'moves-in': 'Symud i mewn',
      'gets-bill': 'Cael bil',
      pays: 'Trefnu taliad',
      'claims-discount': 'Hawlio disgownt neu ostyngiad',
      'falls-behind': 'Mynd i ôl-ddyledion',
    },
  },
  'housing-repairs': {
    name: 'Atgyweiriadau tai (tenant y cyngor)',
    description:
      'Mae tenant y cyngor yn rhoi gwybod am atgyweiriad, caiff ei drefnu yn ôl pa mor frys ydyw, gwneir apwyntiad, daw gweithiwr i’r cartref (weithiau fwy nag unwaith) a chwblheir y gwaith.',
    trigger: 'Mae rhywbeth yn y cartref wedi torri, yn gollwng neu’n anniogel',
    outcome:
      'Wedi’i drwsio’n iawn y tro cyntaf, ar adeg y cytunodd y tenant arni, a chafodd wybod beth oedd yn digwydd',
    stages: { Report: 'Rhoi gwybod', Arrange: 'Trefnu', Fix: 'Trwsio', Close: 'Cau' },
    steps: {
      notices: 'Sylwi ar broblem',
      reports: 'Rhoi gwybod am yr atgyweiriad',
      prioritised: 'Blaenoriaethu a threfnu',
      visit: 'Gweithiwr yn ymweld',
      'follow-on': 'Gwaith dilynol',
      completed: 'Cwblhau a gwirio',
    },
  },
  'missed-bin': {
    name: 'Bin heb ei gasglu',
    description:
      'Nid yw bin cartref yn cael ei wagio ar y diwrnod casglu; maen nhw’n gwirio, yn rhoi gwybod, ac yn aros am gasgliad arall neu i gael gwybod pam.',
    trigger: 'Mae’r bin yn dal yn llawn ar ddiwedd y diwrnod casglu',
    outcome: 'Mae’r bin wedi’i wagio, neu mae’r cartref yn gwybod pam ddim a beth i’w wneud y tro nesaf',
    stages: { 'Collection day': 'Diwrnod casglu', Report: 'Rhoi gwybod', Resolve: 'Datrys' },
    steps: {
      'puts-bin-out': 'Rhoi’r bin allan',
      'not-emptied': 'Bin heb ei wagio',
      reports: 'Rhoi gwybod amdano',
      checked: 'Gwirio’r adroddiad',
      'return-collection': 'Casgliad arall neu esboniad',
    },
  },
  'disabled-facilities-grant': {
    name: 'Grant cyfleusterau i bobl anabl',
    description:
      'Mae angen addasu cartref person anabl; mae therapydd galwedigaethol yn ei asesu, mae’n gwneud cais ac yn cael prawf modd, yn cael dyfynbrisiau, caiff y grant ei gymeradwyo, a chaiff y gwaith ei wneud a’i dalu amdano.',
    trigger: 'Ni all rhywun anabl ddefnyddio rhannau o’i gartref yn ddiogel mwyach',
    outcome: 'Mae’r addasiad yn ei le ac mae’r person yn byw’n ddiogel ac yn annibynnol gartref',
    stages: {
      'First need': 'Yr angen cyntaf',
      Assessment: 'Asesu',
      Application: 'Gwneud cais',
      Adaptation: 'Addasu',
    },
    steps: {
      need: 'Angen yn codi',
      contacts: 'Cysylltu â’r cyngor',
      'ot-assessment': 'Asesiad therapydd galwedigaethol',
      applies: 'Gwneud cais a chael prawf modd',
      quotes: 'Dyfynbrisiau a chymeradwyo',
      works: 'Gwneud y gwaith a thalu amdano',
    },
  },
  'school-admissions': {
    name: 'Derbyniadau i ysgolion',
    description:
      'Mae rhiant neu ofalwr yn gwneud cais am le mewn ysgol gynradd neu uwchradd drwy ei gyngor lleol, yn cael cynnig ar y diwrnod cynnig cenedlaethol, yn ei dderbyn, yn ymuno â rhestrau aros neu’n apelio.',
    trigger: 'Mae plentyn i fod i ddechrau yn yr ysgol gynradd neu uwchradd',
    outcome: 'Mae gan y plentyn le mewn ysgol addas, ac roedd y teulu’n deall pam',
    stages: { Choose: 'Dewis', Apply: 'Gwneud cais', Offer: 'Cynnig', Appeal: 'Apêl', Start: 'Dechrau' },
    steps: {
      'finds-out': 'Dysgu am ysgolion',
      applies: 'Gwneud cais',
      offer: 'Cael cynnig',
      accepts: 'Derbyn neu wrthod',
      appeals: 'Apelio',
      starts: 'Dechrau’r ysgol',
    },
  },
  'adult-social-care-assessment': {
    name: 'Asesiad o anghenion gofal cymdeithasol i oedolion',
    description:
      'Mae oedolyn (neu ei ofalwr) yn cysylltu â’r cyngor am ofal a chymorth; caiff ei sgrinio, ei asesu yn erbyn y meini prawf cymhwysedd cenedlaethol, cael asesiad ariannol, a chael cynllun gofal a chymorth a gaiff ei adolygu.',
    trigger:
      'Mae rhywun yn ei chael yn anodd ymdopi â bywyd bob dydd gartref, neu ni all ei ofalwr ymdopi mwyach',
    outcome:
      'Mae’r person yn cael y gofal a’r cymorth y mae’n gymwys i’w gael, ac yn gwybod faint y bydd yn ei dalu',
    stages: { 'First contact': 'Cyswllt cyntaf', Assessment: 'Asesu', Plan: 'Cynllun', Care: 'Gofal' },
    steps: {
      contacts: 'Cysylltu â gofal cymdeithasol i oedolion',
      screened: 'Sgrinio a chyfeirio',
      assessed: 'Asesiad o anghenion',
      eligibility: 'Penderfyniad cymhwysedd',
      financial: 'Asesiad ariannol',
      plan: 'Cynllun gofal a chymorth',
      review: 'Gofal yn dechrau ac yn cael ei adolygu',
    },
  },
  'anti-social-behaviour': {
    name: 'Ymddygiad gwrthgymdeithasol: rhoi gwybod a datrys',
    description:
      'Mae preswylydd yn profi ymddygiad gwrthgymdeithasol, yn rhoi gwybod amdano, yn casglu tystiolaeth gyda’r cyngor, yn gweld camau’n cael eu cymryd ac, os yw’n parhau, yn gofyn am adolygiad achos.',
    trigger: 'Ymddygiad gwrthgymdeithasol ger y cartref, dro ar ôl tro neu’n codi ofn',
    outcome:
      'Mae’r ymddygiad yn dod i ben, a theimlodd y preswylydd fod rhywun yn gwrando ac yn rhoi gwybod iddo',
    stages: {
      'Something is wrong': 'Mae rhywbeth o’i le',
      Report: 'Rhoi gwybod',
      'Build the case': 'Adeiladu’r achos',
      Act: 'Gweithredu',
      Close: 'Cau',
    },
    steps: {
      experiences: 'Profi ymddygiad gwrthgymdeithasol',
      reports: 'Rhoi gwybod amdano',
      assessed: 'Asesu’r risg',
      evidence: 'Casglu tystiolaeth',
      action: 'Cymryd camau',
      'closed-or-review': 'Cau neu adolygu’r achos',
    },
  },
};

/**
 * The starter in the person's language: in Welsh, its Welsh twin (name, description, trigger, outcome, stages,
 * steps and lanes in Welsh, the same ids); in English, or for a starter without Welsh words, as written.
 */
export function starterIn(starter: StarterTemplate, locale: string): StarterTemplate {
  const cy = locale === 'cy' ? welshStarterWords[starter.id] : undefined;
  if (!cy) return starter;
  const journey = starter.body.journey;
  return {
    ...starter,
    name: cy.name,
    description: cy.description,
    body: {
      ...starter.body,
      journey: {
        ...journey,
        meta: {
          ...journey.meta,
          title: cy.name,
          scope: cy.description,
          trigger: cy.trigger,
          outcome: cy.outcome,
        },
        stages: journey.stages.map((s) => ({ ...s, name: cy.stages[s.name] ?? s.name })),
        columns: journey.columns.map((c) => ({ ...c, label: cy.steps[c.id] ?? c.label })),
        lanes: journey.lanes.map((l) => ({ ...l, ...(lanes[l.id] ?? {}) })),
      },
    },
  };
}
