import { starter } from './starter';

/** A council tenant's repair: from reporting it to the job being done and checked. */
export const housingRepairsStarter = starter({
  id: 'housing-repairs',
  name: 'Housing repairs (council tenant)',
  description:
    'A council tenant reports a repair, it is sorted by urgency, an appointment is made, an operative visits (sometimes more than once) and the job is completed.',
  sources: [
    'GOV.UK, Council housing: repairs: https://www.gov.uk/council-housing/repairs',
    'Housing Ombudsman Service, Complaint Handling Code: https://www.housing-ombudsman.org.uk',
  ],
  trigger: 'Something in the home is broken, leaking or unsafe',
  outcome: 'Fixed right first time, at a time the tenant agreed, and they were kept informed',
  steps: [
    {
      id: 'notices',
      label: 'Notices a problem',
      stage: 'Report',
      does: 'Notices a leak, damp and mould, a broken boiler or another fault',
      touchpoints: [['web', 'Looks up whether the repair is the landlord’s or the tenant’s']],
      pains: [['confusion', 'Not clear which repairs the landlord is responsible for']],
    },
    {
      id: 'reports',
      label: 'Reports the repair',
      stage: 'Report',
      does: 'Reports the repair and describes it',
      touchpoints: [
        ['telephone', 'Repairs line'],
        ['web', 'Online repair report'],
        ['telephone', 'Calls because the online form had no option for this repair', 'SS'],
      ],
      pains: [['confusion', 'Hard to describe the fault so that the right trade is sent']],
    },
    {
      id: 'prioritised',
      label: 'Prioritised and booked',
      stage: 'Arrange',
      does: 'The repair is sorted as an emergency or a routine job, and an appointment is offered',
      touchpoints: [
        ['sms', 'Appointment confirmation'],
        ['telephone', 'Calls to ask when someone will come', 'PC'],
      ],
      pains: [
        ['silence', 'No appointment confirmation, or only a long window'],
        ['delay', 'Routine repairs wait weeks'],
      ],
      moment: 'Getting an appointment at a time the tenant can be in',
    },
    {
      id: 'visit',
      label: 'Operative visits',
      stage: 'Fix',
      does: 'Waits in for the operative, who inspects and repairs or says more work is needed',
      touchpoints: [
        ['home-visit', 'Operative’s visit'],
        ['telephone', 'Calls because nobody came in the appointment window', 'FD'],
      ],
      pains: [
        ['hand-off', 'Operative needs parts or another trade, so a second visit is needed'],
        ['other', 'Takes time off work to wait in'],
      ],
      moment: 'Whether it is fixed on the first visit',
    },
    {
      id: 'follow-on',
      label: 'Follow-on work',
      stage: 'Fix',
      does: 'Waits for follow-on work, parts or a contractor',
      touchpoints: [
        ['telephone', 'Calls to chase the follow-on job', 'PC'],
        ['telephone', 'Reports the same repair again', 'RP'],
      ],
      pains: [['repeat', 'Explains the repair again to each person']],
    },
    {
      id: 'completed',
      label: 'Completed and checked',
      stage: 'Close',
      does: 'The job is closed; the tenant is asked whether they are satisfied, or complains',
      touchpoints: [
        ['sms', 'Satisfaction survey'],
        ['web', 'Complaint to the landlord, then the Housing Ombudsman'],
      ],
      pains: [['other', 'Job closed on the system before the repair was finished']],
    },
  ],
});

/** A Disabled Facilities Grant: from the first need to adaptations completed and paid for. */
export const disabledFacilitiesGrantStarter = starter({
  id: 'disabled-facilities-grant',
  name: 'Disabled facilities grant',
  description:
    'A disabled person needs their home adapted; an occupational therapist assesses them, they apply and are means-tested, get quotes, the grant is approved, the works are done and paid for.',
  sources: [
    'GOV.UK, Disabled Facilities Grants: https://www.gov.uk/disabled-facilities-grants',
    'Department for Levelling Up, Housing and Communities and Department of Health and Social Care, Disabled Facilities Grant (DFG) delivery: guidance for local authorities in England: https://www.gov.uk/government/publications/disabled-facilities-grant-dfg-delivery-guidance-for-local-authorities-in-england',
    'Housing Grants, Construction and Regeneration Act 1996, section 34 (the council decides within 6 months of a full application)',
  ],
  trigger: 'Someone disabled can no longer use parts of their home safely',
  outcome: 'The adaptation is in place and the person lives safely and independently at home',
  steps: [
    {
      id: 'need',
      label: 'Need arises',
      stage: 'First need',
      does: 'Finds stairs, the bath or the entrance hard or unsafe',
      touchpoints: [['web', 'Reads about help with adaptations']],
      pains: [['confusion', 'Does not know that a grant exists or who to ask']],
    },
    {
      id: 'contacts',
      label: 'Contacts the council',
      stage: 'First need',
      does: 'Contacts adult social care (or children’s services) or the housing team',
      touchpoints: [
        ['telephone', 'Adult social care front door'],
        ['telephone', 'Sent from housing to social care', 'MD'],
      ],
      pains: [['hand-off', 'Housing and social care each say the other deals with it']],
    },
    {
      id: 'ot-assessment',
      label: 'Occupational therapist assessment',
      stage: 'Assessment',
      does: 'Waits for, then has, an occupational therapist’s assessment at home',
      touchpoints: [
        ['home-visit', 'Occupational therapist’s visit'],
        ['telephone', 'Calls to ask when the assessment will be', 'PC'],
      ],
      pains: [['delay', 'A long wait for an occupational therapist']],
      moment: 'The recommendation: what adaptation is needed',
    },
    {
      id: 'applies',
      label: 'Applies and is means-tested',
      stage: 'Application',
      does: 'Fills in the grant application and the means test, with proof of income and ownership or the landlord’s consent',
      touchpoints: [
        ['letter', 'Application form and list of evidence'],
        ['email', 'Sends documents asked for again', 'RI'],
        ['telephone', 'Calls to ask what the form means', 'CL'],
      ],
      pains: [
        ['confusion', 'Means test is hard to understand; a contribution may be asked for'],
        ['repeat', 'Gives the same information already given to social care'],
      ],
    },
    {
      id: 'quotes',
      label: 'Quotes and approval',
      stage: 'Application',
      does: 'Gets plans and quotes (or uses the council’s home improvement agency); the grant is approved',
      touchpoints: [
        ['home-visit', 'Surveyor or contractor visits to quote'],
        ['letter', 'Grant approval'],
        ['telephone', 'Calls to chase the decision', 'PC'],
      ],
      pains: [
        ['silence', 'No news between the application and the approval'],
        ['hand-off', 'Passed from the occupational therapist to the grants officer to the contractor'],
      ],
      moment: 'The approval letter',
    },
    {
      id: 'works',
      label: 'Works done and paid',
      stage: 'Adaptation',
      does: 'The works are done; the council pays when they are finished and checked',
      touchpoints: [
        ['home-visit', 'Contractor works in the home'],
        ['home-visit', 'Occupational therapist checks the adaptation works for the person'],
        ['telephone', 'Reports a problem with the works', 'FD'],
      ],
      pains: [['delay', 'Waits for a contractor to start']],
    },
  ],
});

/** Applying for a school place: from choosing schools to the offer, the waiting list or an appeal. */
export const schoolAdmissionsStarter = starter({
  id: 'school-admissions',
  name: 'School admissions',
  description:
    'A parent or carer applies for a primary or secondary school place through their home council, gets an offer on national offer day, accepts it, joins waiting lists or appeals.',
  sources: [
    'GOV.UK, School admissions: https://www.gov.uk/schools-admissions',
    'Department for Education, School admissions code: https://www.gov.uk/government/publications/school-admissions-code--2',
    'Department for Education, School admission appeals code (linked from the School admissions guide above)',
  ],
  trigger: 'A child is due to start primary or secondary school',
  outcome: 'The child has a place at a suitable school, and the family understood why',
  steps: [
    {
      id: 'finds-out',
      label: 'Finds out about schools',
      stage: 'Choose',
      does: 'Looks at schools, their admission criteria and how places were given last year',
      touchpoints: [
        ['web', 'Council’s admissions guide and school pages'],
        ['face-to-face', 'Open evenings'],
        ['telephone', 'Calls to ask about catchment areas or criteria', 'CL'],
      ],
      pains: [['confusion', 'Oversubscription criteria and catchment areas are hard to understand']],
    },
    {
      id: 'applies',
      label: 'Applies',
      stage: 'Apply',
      does: 'Applies to their home council, ranking schools in order, by the closing date (secondary 31 October, primary 15 January)',
      touchpoints: [
        ['web', 'Online admissions application'],
        ['telephone', 'Calls to check the application was received', 'PC'],
      ],
      pains: [
        ['confusion', 'Unsure whether ranking a popular school first harms other choices'],
        ['other', 'A late application is considered after on-time ones'],
      ],
    },
    {
      id: 'offer',
      label: 'Gets an offer',
      stage: 'Offer',
      does: 'Gets an offer on national offer day (secondary 1 March, primary 16 April)',
      touchpoints: [
        ['email', 'Offer email'],
        ['telephone', 'Calls to ask why a preferred school was not offered', 'CL'],
      ],
      pains: [['confusion', 'The offer does not say why higher preferences were refused']],
      moment: 'Offer day',
    },
    {
      id: 'accepts',
      label: 'Accepts or declines',
      stage: 'Offer',
      does: 'Accepts or declines the offer and asks to join waiting lists',
      touchpoints: [
        ['web', 'Accept or decline online'],
        ['telephone', 'Calls to ask about waiting list position', 'PC'],
      ],
      pains: [['silence', 'No updates on waiting list movement']],
    },
    {
      id: 'appeals',
      label: 'Appeals',
      stage: 'Appeal',
      does: 'Appeals to an independent panel against a refusal',
      touchpoints: [
        ['letter', 'Appeal form and hearing date'],
        ['face-to-face', 'Appeal hearing'],
        ['email', 'Sends evidence already given with the application', 'RI'],
      ],
      pains: [
        ['confusion', 'Appeal process and deadlines are hard to follow'],
        ['delay', 'Waits for a hearing and the decision'],
      ],
      moment: 'The appeal panel’s decision',
    },
    {
      id: 'starts',
      label: 'Starts school',
      stage: 'Start',
      does: 'Starts at the school; arranges travel if eligible for free school transport',
      touchpoints: [['web', 'Home to school travel application']],
      pains: [['hand-off', 'Travel is a separate application to a separate team']],
    },
  ],
});

/** An adult's needs assessment under the Care Act 2014: from first contact to care and support. */
export const adultSocialCareStarter = starter({
  id: 'adult-social-care-assessment',
  name: 'Adult social care needs assessment',
  description:
    'An adult (or their carer) contacts the council about care and support; they are screened, assessed against the national eligibility criteria, financially assessed, and get a care and support plan that is reviewed.',
  sources: [
    'GOV.UK, Apply for a needs assessment by social services: https://www.gov.uk/apply-needs-assessment-social-services',
    'GOV.UK, Carer’s assessment: https://www.gov.uk/carers-assessment',
    'Department of Health and Social Care, Care and support statutory guidance (Care Act 2014): https://www.gov.uk/government/publications/care-act-statutory-guidance/care-and-support-statutory-guidance',
  ],
  trigger: 'Someone finds daily life at home hard to manage, or their carer can no longer cope',
  outcome: 'The person gets the care and support they are eligible for, and knows what they will pay',
  steps: [
    {
      id: 'contacts',
      label: 'Contacts adult social care',
      stage: 'First contact',
      does: 'The person, a relative, a GP or a hospital contacts adult social care',
      touchpoints: [
        ['telephone', 'Adult social care front door'],
        ['web', 'Online request for a needs assessment'],
        ['telephone', 'Transferred from the main council number', 'MD'],
      ],
      pains: [['confusion', 'Does not know what social care offers or whether they will have to pay']],
    },
    {
      id: 'screened',
      label: 'Screened and signposted',
      stage: 'First contact',
      does: 'Is asked about their needs; may be given information, equipment or reablement first',
      touchpoints: [
        ['telephone', 'Screening conversation'],
        ['third-party', 'Signposted to a voluntary organisation'],
      ],
      pains: [['repeat', 'Tells their story again to each person']],
      moment: 'Feeling listened to at the first conversation',
    },
    {
      id: 'assessed',
      label: 'Needs assessment',
      stage: 'Assessment',
      does: 'Waits for, then has, a needs assessment (and their carer a carer’s assessment)',
      touchpoints: [
        ['home-visit', 'Social worker or assessor’s visit'],
        ['telephone', 'Calls to ask when the assessment will happen', 'PC'],
      ],
      pains: [
        ['delay', 'Waits for an assessment'],
        ['silence', 'Not told where they are in the queue'],
      ],
    },
    {
      id: 'eligibility',
      label: 'Eligibility decision',
      stage: 'Assessment',
      does: 'Is told whether their needs meet the national eligibility criteria',
      touchpoints: [
        ['letter', 'Eligibility decision'],
        ['telephone', 'Calls to ask what the decision means', 'CL'],
      ],
      pains: [['confusion', 'The decision letter uses the criteria’s words, not plain English']],
      moment: 'Hearing whether the council will meet their needs',
    },
    {
      id: 'financial',
      label: 'Financial assessment',
      stage: 'Plan',
      does: 'Has a financial assessment of what they will pay towards their care',
      touchpoints: [
        ['letter', 'Financial assessment form'],
        ['email', 'Sends income and savings evidence again', 'RI'],
      ],
      pains: [
        ['hand-off', 'The financial assessment is a separate team and a separate visit'],
        ['confusion', 'Does not know the charge until after care has started'],
      ],
    },
    {
      id: 'plan',
      label: 'Care and support plan',
      stage: 'Plan',
      does: 'Agrees a care and support plan, with a personal budget or a direct payment',
      touchpoints: [
        ['home-visit', 'Planning conversation'],
        ['telephone', 'Calls to chase when care will start', 'PC'],
      ],
      pains: [['delay', 'Waits for a care provider with capacity']],
    },
    {
      id: 'review',
      label: 'Care starts and is reviewed',
      stage: 'Care',
      does: 'Care and support starts, and the plan is reviewed',
      touchpoints: [
        ['home-visit', 'Care provider visits'],
        ['telephone', 'Reports missed or late care visits', 'FD'],
      ],
      pains: [['other', 'Plan is not reviewed when needs change']],
    },
  ],
});
