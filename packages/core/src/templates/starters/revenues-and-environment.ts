import { starter } from './starter';

/** Council tax for someone moving into the area: from telling the council to paying, discounts and arrears. */
export const councilTaxStarter = starter({
  id: 'council-tax',
  name: 'Council tax: moving in and paying',
  description:
    'A resident moves into the area, tells the council, gets a bill, pays, claims a discount or reduction, and falls behind.',
  sources: [
    'GOV.UK, Council Tax: https://www.gov.uk/council-tax',
    'GOV.UK, Council Tax: who has to pay (discounts, e.g. living alone): https://www.gov.uk/council-tax/who-has-to-pay',
    'GOV.UK, Apply for Council Tax Reduction: https://www.gov.uk/apply-council-tax-reduction',
    'GOV.UK, Council Tax bands: https://www.gov.uk/council-tax-bands',
    'GOV.UK, Council Tax arrears: https://www.gov.uk/council-tax-arrears',
  ],
  trigger: 'Moves into a property in the council’s area',
  outcome: 'Pays the right amount, with any discount or reduction applied, without chasing',
  steps: [
    {
      id: 'moves-in',
      label: 'Moves in',
      stage: 'Set up',
      does: 'Moves in and tells the council the date and who lives there',
      touchpoints: [
        ['web', 'Moving home form'],
        ['telephone', 'Calls to check the move has been recorded', 'PC'],
      ],
      pains: [['silence', 'No acknowledgement that the move was recorded']],
    },
    {
      id: 'gets-bill',
      label: 'Gets a bill',
      stage: 'Set up',
      does: 'Receives the bill, with the band and the instalments',
      touchpoints: [
        ['letter', 'Council Tax bill'],
        ['telephone', 'Calls to ask what the bill means or why it is for this amount', 'CL'],
      ],
      pains: [
        ['confusion', 'The band, the period and the instalments are hard to follow'],
        ['delay', 'The first bill covers several months, so the first instalments are higher'],
      ],
      moment: 'The first bill: is it right, and can I afford it?',
    },
    {
      id: 'pays',
      label: 'Sets up payment',
      stage: 'Pay',
      does: 'Sets up a Direct Debit or another way to pay, in 10 or 12 instalments',
      touchpoints: [
        ['web', 'Direct Debit form'],
        ['telephone', 'Calls because the online form did not accept the details', 'SS'],
      ],
      pains: [['repeat', 'Gives the account number and bank details again on the phone']],
    },
    {
      id: 'claims-discount',
      label: 'Claims a discount or reduction',
      stage: 'Pay',
      does: 'Applies for a discount (for example living alone) or Council Tax Reduction on a low income',
      touchpoints: [
        ['web', 'Discount or reduction application'],
        ['email', 'Sends evidence asked for again', 'RI'],
        ['telephone', 'Calls to ask whether the discount has been applied', 'PC'],
      ],
      pains: [
        ['hand-off', 'Council Tax Reduction is assessed apart from the bill, and the resident is told twice'],
        ['delay', 'Bills keep coming at the full amount while the claim is assessed'],
      ],
      moment: 'The revised bill shows the discount',
    },
    {
      id: 'falls-behind',
      label: 'Falls behind',
      stage: 'Arrears',
      does: 'Misses an instalment and gets a reminder, then a final notice or a summons',
      touchpoints: [
        ['letter', 'Reminder notice'],
        ['telephone', 'Calls after the reminder to agree what to pay', 'CL'],
        ['face-to-face', 'Asks for help with debt'],
      ],
      pains: [
        ['confusion', 'The reminder does not say plainly how to agree a payment plan'],
        ['other', 'Costs are added once a summons is issued'],
      ],
      moment: 'Whether the council agrees an arrangement before enforcement',
    },
  ],
});

/** A missed bin collection: from the bin not being emptied to a return visit or an explanation. */
export const missedBinStarter = starter({
  id: 'missed-bin',
  name: 'Missed bin collection',
  description:
    'A household’s bin is not emptied on collection day; they check, report it, and wait for a return collection or to be told why.',
  sources: [
    'GOV.UK, Report a missed bin collection: https://www.gov.uk/report-missed-bin-collection',
    'GOV.UK, Find out your bin collection day: https://www.gov.uk/rubbish-collection-day',
  ],
  trigger: 'The bin is still full at the end of collection day',
  outcome: 'The bin is emptied, or the household knows why not and what to do next time',
  steps: [
    {
      id: 'puts-bin-out',
      label: 'Puts the bin out',
      stage: 'Collection day',
      does: 'Puts the bin out on what they believe is collection day',
      touchpoints: [['web', 'Collection day look-up or calendar']],
      pains: [
        ['confusion', 'Collection days changed (bank holiday, new rounds) and the household was not told'],
      ],
    },
    {
      id: 'not-emptied',
      label: 'Bin not emptied',
      stage: 'Collection day',
      does: 'Finds the bin has not been emptied',
      touchpoints: [['third-party', 'Asks neighbours whether theirs were emptied']],
      pains: [['silence', 'No tag or note on the bin saying why it was left']],
      moment: 'Seeing the full bin: was it us or the council?',
    },
    {
      id: 'reports',
      label: 'Reports it',
      stage: 'Report',
      does: 'Reports the missed collection',
      touchpoints: [
        ['web', 'Report a missed bin form'],
        ['telephone', 'Calls because the form said the report is too early or too late', 'SS'],
        ['social-media', 'Posts about the missed round', 'FD'],
      ],
      pains: [['confusion', 'The form only takes reports within a set window after collection day']],
    },
    {
      id: 'checked',
      label: 'Report checked',
      stage: 'Resolve',
      does: 'Waits while the council checks the crew’s record (bin not out, blocked access, wrong waste)',
      touchpoints: [['telephone', 'Calls to ask when it will be collected', 'PC']],
      pains: [
        ['silence', 'No update between the report and the return visit'],
        ['hand-off', 'The contact centre cannot see what the crew recorded'],
      ],
    },
    {
      id: 'return-collection',
      label: 'Return collection or explanation',
      stage: 'Resolve',
      does: 'The bin is emptied on a return visit, or the household is told why it will not be',
      touchpoints: [
        ['sms', 'Message that the return collection is done'],
        ['telephone', 'Reports the same bin missed again', 'RP'],
      ],
      pains: [['repeat', 'Missed again the next week: the cause was not fixed']],
      moment: 'Whether the return visit happens when promised',
    },
  ],
});

/** Anti-social behaviour: from the first incident to action and, if unresolved, the ASB case review. */
export const antiSocialBehaviourStarter = starter({
  id: 'anti-social-behaviour',
  name: 'Anti-social behaviour: reporting and resolution',
  description:
    'A resident experiences anti-social behaviour, reports it, gathers evidence with the council, sees action taken and, if it goes on, asks for an ASB case review.',
  sources: [
    'GOV.UK, Report antisocial behaviour: https://www.gov.uk/report-antisocial-behaviour',
    'Home Office, Anti-social Behaviour, Crime and Policing Act 2014: anti-social behaviour powers, statutory guidance for frontline professionals: https://www.gov.uk/government/publications/anti-social-behaviour-crime-and-policing-bill-anti-social-behaviour',
    'Anti-social Behaviour, Crime and Policing Act 2014, section 104 and Schedule 4: the ASB case review (formerly the community trigger), described in the statutory guidance above',
  ],
  trigger: 'Anti-social behaviour near home, repeated or frightening',
  outcome: 'The behaviour stops, and the resident felt listened to and kept informed',
  steps: [
    {
      id: 'experiences',
      label: 'Experiences ASB',
      stage: 'Something is wrong',
      does: 'Puts up with noise, harassment or damage, unsure whom to tell',
      touchpoints: [['web', 'Searches for who deals with this: council, police or landlord']],
      pains: [['confusion', 'Not clear whether the council, the police or the landlord deals with it']],
    },
    {
      id: 'reports',
      label: 'Reports it',
      stage: 'Report',
      does: 'Reports the behaviour to the council (or the police or housing provider)',
      touchpoints: [
        ['web', 'Report anti-social behaviour form'],
        ['telephone', 'Transferred between council, police and landlord', 'MD'],
        ['telephone', '101 call to the police'],
      ],
      pains: [
        ['hand-off', 'Passed between agencies, each asking for the story again'],
        ['repeat', 'Tells the story again to each agency'],
      ],
      moment: 'The first conversation: am I believed?',
    },
    {
      id: 'assessed',
      label: 'Risk assessed',
      stage: 'Report',
      does: 'Is asked about the risk to them and their household and given a case officer',
      touchpoints: [['telephone', 'Risk assessment call with the case officer']],
      pains: [['delay', 'Waits for a first contact from the case officer']],
    },
    {
      id: 'evidence',
      label: 'Gathers evidence',
      stage: 'Build the case',
      does: 'Keeps diary sheets or uses a noise app; the council may use its own monitoring',
      touchpoints: [
        ['letter', 'Diary sheets sent to the resident'],
        ['telephone', 'Calls to ask what is happening with the case', 'PC'],
        ['email', 'Sends the diary sheets again', 'RI'],
      ],
      pains: [
        ['silence', 'No update for weeks while evidence is gathered'],
        ['confusion', 'Not told how much evidence is enough'],
      ],
    },
    {
      id: 'action',
      label: 'Action taken',
      stage: 'Act',
      does: 'The council and partners act: a warning, an acceptable behaviour agreement, a community protection notice or an injunction',
      touchpoints: [
        ['home-visit', 'Officer visits the perpetrator'],
        ['telephone', 'Case officer tells the resident what was done'],
      ],
      pains: [['silence', 'Not told what action was taken, so it seems nothing happened']],
      moment: 'Hearing that something has been done',
    },
    {
      id: 'closed-or-review',
      label: 'Case closed or reviewed',
      stage: 'Close',
      does: 'The case is closed; if the behaviour goes on, asks for an anti-social behaviour case review',
      touchpoints: [
        ['letter', 'Case closure letter'],
        ['web', 'ASB case review application'],
        ['telephone', 'Reports the same behaviour again after closure', 'RP'],
      ],
      pains: [
        ['other', 'Case closed without the resident agreeing that it is resolved'],
        ['confusion', 'The right to an ASB case review is not explained'],
      ],
    },
  ],
});
